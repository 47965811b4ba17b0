package org.jixiao.model;

/** Which line of the funds block a {@link FundLine} is; the sub-lines should add up to {@link #TOTAL}. */
public enum FundKind {
    /** 年度资金总额: the line the execution rate and budget score are read from. */
    TOTAL,
    /** 财政拨款 / 财政资金 (a subtotal of fiscal money, used where the form has no central/provincial split). */
    FISCAL,
    CENTRAL,
    PROVINCIAL,
    MUNICIPAL,
    CARRYOVER,
    OTHER,
    /** 地方资金: the local money beside 中央补助 in a transfer payment. */
    LOCAL,
    /** 基本支出: a department's running costs; with {@link #PROJECT_SPENDING} a second breakdown of the total. */
    BASIC,
    /** 项目支出: a department's project spending. */
    PROJECT_SPENDING;

    /** True for the lines that split {@link #TOTAL} by the source of the money. */
    public boolean isPart() {
        return this != TOTAL && !isBySpending();
    }

    /** True for the lines that split {@link #TOTAL} by the kind of spending (基本支出 / 项目支出). */
    public boolean isBySpending() {
        return this == BASIC || this == PROJECT_SPENDING;
    }
}

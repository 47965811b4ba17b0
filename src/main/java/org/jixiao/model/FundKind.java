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
    OTHER;

    /** True for the lines that are parts of {@link #TOTAL}. */
    public boolean isPart() {
        return this != TOTAL;
    }
}

package org.jixiao.model;

import java.util.Locale;

/** What a form evaluates: one project, a department's whole spending, or a transfer payment by region. */
public enum FormKind {
    /** 项目支出绩效自评表: one project. */
    PROJECT,
    /** 部门（单位）整体支出绩效自评表: the department's whole budget; it names no project, so the department stands for it. */
    DEPARTMENT_OVERALL,
    /** 转移支付（区域）绩效自评表: a transfer payment, with goals per region and central and local departments. */
    TRANSFER_PAYMENT;

    /** The value written to {@code projects.csv}'s {@code form_kind}: {@code department_overall}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

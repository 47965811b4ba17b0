package org.jixiao.internal.write;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A department as written, split into the budget code many provinces prefix it with and the name.
 *
 * <pre>
 * 016山西省行政审批服务管理局     -> 016 | 山西省行政审批服务管理局
 * [016]山西省财政厅            -> 016 | 山西省财政厅
 * 016-山西省财政厅             -> 016 | 山西省财政厅
 * 山西省财政厅                 ->     | 山西省财政厅
 * </pre>
 *
 * <p>A code is two or more ASCII digits (text is already normalized to half-width), optionally in
 * brackets, then optional separators (space, {@code - _ . :} or U+3001). Leading zeros are kept: the code is text, not a number.
 *
 * @param code the code, empty when the department has none
 * @param name the department without its code
 */
record DepartmentCode(String code, String name) {

    private static final Pattern CODED = Pattern.compile("^[\\[(]?([0-9]{2,})[\\])]?[\\s\\-_.:\u3001]*(.*)$",
            Pattern.DOTALL);

    static DepartmentCode of(String department) {
        Matcher m = CODED.matcher(department);
        if (m.matches()) {
            return new DepartmentCode(m.group(1), m.group(2).strip());
        }
        return new DepartmentCode("", department.strip());
    }
}

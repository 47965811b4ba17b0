package org.jixiao.internal.write;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** department_code and department_name: the budget code split from the department as written. */
class DepartmentCodeTest {

    @ParameterizedTest(name = "{0} -> {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
        '016山西省行政审批服务管理局' | '016'    | '山西省行政审批服务管理局'
        '[016]山西省财政厅'         | '016'    | '山西省财政厅'
        '016-山西省财政厅'          | '016'    | '山西省财政厅'
        '301001 忻州市财政局'       | '301001' | '忻州市财政局'
        '山西省财政厅'              | ''       | '山西省财政厅'
        '1号楼管理处'               | ''       | '1号楼管理处'
        ''                        | ''       | ''
        """)
    void splitsTheCodeFromTheName(String department, String code, String name) {
        DepartmentCode d = DepartmentCode.of(department);
        assertEquals(code, d.code());
        assertEquals(name, d.name());
    }
}

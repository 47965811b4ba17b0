package org.jixiao.model;

/** The file formats jixiao reads, as detected from the bytes (not the file name). */
public enum SourceFormat {
    DOCX, DOC, HTML, XLSX, XLS, TEXT, ODT, ODS, PDF
}

"""Namespaces, relationship types and content types of the OOXML parts we read or write."""
from __future__ import annotations

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"

RT_OFFICE = NS_R + "/officeDocument"
RT_WORKSHEET = NS_R + "/worksheet"
RT_DRAWING = NS_R + "/drawing"
RT_CHART = NS_R + "/chart"
RT_STYLES = NS_R + "/styles"
RT_SHARED_STRINGS = NS_R + "/sharedStrings"
RT_CALCCHAIN = NS_R + "/calcChain"
RT_APP = NS_R + "/extended-properties"
RT_TANDA_TANGAN = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature"

CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"


def lokal(tag: str) -> str:
    """'{ns}sheet' -> 'sheet'."""
    return tag.rsplit("}", 1)[-1]

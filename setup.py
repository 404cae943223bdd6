"""Package list (all other metadata is in pyproject.toml).

Discovery finds xl_kinerja and every subpackage, so a new one cannot be forgotten; the two
top-level data folders mapped into the package by [tool.setuptools.package-dir]
(workbook_templates/ -> xl_kinerja.workbook_templates, macros/ -> xl_kinerja.macros) are
added by name: setuptools' static configuration cannot combine discovery with a mapped
package (`packages.find` with package-dir silently drops both, checked with a wheel).
"""
from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["xl_kinerja", "xl_kinerja.*"]),
                "xl_kinerja.workbook_templates", "xl_kinerja.macros"])

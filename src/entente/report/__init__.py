"""A self-contained HTML report of one actor's relations with its partners.

``build_report`` gathers the analytics (series, balance by theme, change points, top events
and quotations) into plain data; ``render_html`` turns that data and the charts of
``entente.report.charts`` into one HTML file with the charts inlined as SVG, so the file
opens without a network.
"""

from __future__ import annotations

from entente.report.html import THEMES, build_report, render_html, write_report

__all__ = ["THEMES", "build_report", "render_html", "write_report"]

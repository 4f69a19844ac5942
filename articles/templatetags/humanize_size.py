from django import template

register = template.Library()


@register.filter
def file_size(size: int) -> str:
    """Bytes as a reader reads them, in Chinese units' usual Latin symbols: 12.3 MB."""
    value = float(size or 0)
    for unit in ("字节", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "字节" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


@register.filter
def cut_english(title: str) -> str:
    """"医院 / Hospitals" → "医院": a reader's page is Chinese."""
    return title.split(" / ")[0]

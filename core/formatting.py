"""Formatting shared by pages, charts and exports."""

CURRENCY_SYMBOLS = {"USD": "$", "CAD": "CA$", "AUD": "A$", "GBP": "£", "EUR": "€"}


def money(amount, currency: str = "USD") -> str:
    """Whole currency units with thousands separators: money(38400) == "$38,400"."""
    if amount is None or amount == "":
        return ""
    symbol = CURRENCY_SYMBOLS.get(currency)
    figure = f"{int(amount):,}"
    return f"{symbol}{figure}" if symbol else f"{figure} {currency}"

# Known-wrong answer to exercise 6.4: the async quote calls the async client without awaiting it: it gets coroutine
# objects, not figures, and the tool fails.
# expect: [Implementation guidelines 4: Tool Integration]
# expect: 'coroutine' object is not subscriptable

from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools


class QuoteTools:
    def __init__(self, data: SyncFinancialTools) -> None:
        self.data = data

    def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        return quote_line(self.data.get_stock_price(symbol), self.data.get_company_financials(symbol))


class AsyncQuoteTools:
    def __init__(self, data: AsyncFinancialTools) -> None:
        self.data = data

    async def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        price = self.data.get_stock_price(symbol)
        financials = self.data.get_company_financials(symbol)
        return quote_line(price, financials)  # pyright: ignore[reportArgumentType]

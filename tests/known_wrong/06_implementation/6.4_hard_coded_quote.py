# Known-wrong answer to exercise 6.4: the figures come from the course's data functions, not from the client the
# toolkit was given: no lookup is made, and the figures are not the client's.
# expect: [Implementation guidelines 4: Tool Integration]
# expect: made no lookup on the data client it was given

from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools, company_financials, stock_price


class QuoteTools:
    def __init__(self, data: SyncFinancialTools) -> None:
        self.data = data

    def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        return quote_line(stock_price(symbol), company_financials(symbol))


class AsyncQuoteTools:
    def __init__(self, data: AsyncFinancialTools) -> None:
        self.data = data

    async def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        return quote_line(stock_price(symbol), company_financials(symbol))

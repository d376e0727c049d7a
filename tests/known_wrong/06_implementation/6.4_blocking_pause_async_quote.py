# Known-wrong answer to exercise 6.4: a polite pause before each lookup, with time.sleep in the async tool: it holds
# the event loop, so the quotes agno starts together run one after another.
# expect: [AGN107]
# expect: the event loop was blocked

import asyncio
import time

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
        time.sleep(0.1)  # noqa: ASYNC251 (the mistake: go easy on the provider, blocking the loop)
        price, financials = await asyncio.gather(
            self.data.get_stock_price(symbol), self.data.get_company_financials(symbol)
        )
        return quote_line(price, financials)

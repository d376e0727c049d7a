# A right answer to exercise 6.4 written another way: agno Toolkit subclasses over a shared base that names the
# client; the async quote starts the financials as a task, then awaits the price and the task.

import asyncio
from typing import Any

from agno.tools import Toolkit
from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools


class _Quotes(Toolkit):
    def __init__(self, data: Any) -> None:
        self.data = data
        super().__init__(name="quotes", tools=[self.quote])

    def quote(self, symbol: str) -> Any:
        raise NotImplementedError


class QuoteTools(_Quotes):
    data: SyncFinancialTools

    def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        price = self.data.get_stock_price(symbol)
        return quote_line(price, self.data.get_company_financials(symbol))


class AsyncQuoteTools(_Quotes):
    data: AsyncFinancialTools

    async def quote(self, symbol: str) -> str:  # pyright: ignore[reportIncompatibleMethodOverride]
        """The latest price and total assets of a company, by ticker symbol."""
        financials = asyncio.create_task(self.data.get_company_financials(symbol))
        price = await self.data.get_stock_price(symbol)
        return quote_line(price, await financials)

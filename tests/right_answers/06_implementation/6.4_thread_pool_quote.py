# A right answer to exercise 6.4 written another way: dataclass toolkits; the sync quote makes its two lookups at
# once in a thread pool, the async one with asyncio.gather.

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools


@dataclass
class QuoteTools:
    data: SyncFinancialTools

    def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        with ThreadPoolExecutor(max_workers=2) as pool:
            price = pool.submit(self.data.get_stock_price, symbol)
            financials = pool.submit(self.data.get_company_financials, symbol)
            return quote_line(price.result(), financials.result())


@dataclass
class AsyncQuoteTools:
    data: AsyncFinancialTools

    async def quote(self, symbol: str) -> str:
        """The latest price and total assets of a company, by ticker symbol."""
        price, financials = await asyncio.gather(
            self.data.get_stock_price(symbol), self.data.get_company_financials(symbol)
        )
        return quote_line(price, financials)

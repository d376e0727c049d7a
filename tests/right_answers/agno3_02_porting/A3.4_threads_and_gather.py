# A right answer to exercise A3.4, written another way: a thread pool on the sync path, the steps chosen from a table.
from concurrent.futures import ThreadPoolExecutor


def digest_workflow(path, prices, aprices, summarizer):
    def attempt(symbol):
        try:
            return prices.get_stock_price(symbol)
        except SymbolNotFoundError as error:
            return error

    def fetch(step_input):
        with ThreadPoolExecutor() as pool:
            return digested(list(pool.map(attempt, symbols_of(step_input))))

    async def afetch(step_input):
        found = await asyncio.gather(*map(aprices.get_stock_price, symbols_of(step_input)), return_exceptions=True)
        return digested(list(found))

    fetchers = {"sync": fetch, "async": afetch}
    return Workflow(
        name="digest", steps=[Step(name="prices", executor=fetchers[path]), Step(name="digest", agent=summarizer)]
    )

# agno-version: 1.5
# blocking-classes: LegacyReportTool
# blocking-methods: blocking_method
import os
import sqlite3
import subprocess
import time

import httpx
import requests
from openai import AsyncOpenAI, OpenAI

client = OpenAI()
async_client = AsyncOpenAI()
legacy = LegacyReportTool()


async def handler(path: str, tool) -> None:
    time.sleep(1)  # expect: AGN107:5
    requests.get("https://example.com")  # expect: AGN107:5
    httpx.post("https://example.com")  # expect: AGN107:5
    with open(path) as file:  # expect: AGN107:10
        file.read()
    os.path.exists(path)  # expect: AGN107:5
    subprocess.Popen(["ls"])  # expect: AGN107:5
    input("name? ")  # expect: AGN107:5
    connection = sqlite3.connect(path)  # expect: AGN107:18
    connection.execute("select 1")  # expect: AGN107:5
    client.chat.completions.create(model="m", messages=[])  # expect: AGN107:5
    legacy.rating("AAPL")  # expect: AGN107:5
    tool.blocking_method("AAPL")  # expect: AGN107:5
    await async_client.chat.completions.create(model="m", messages=[])
    await asyncio.to_thread(time.sleep, 1)
    await asyncio.to_thread(open, path)
    os.path.join(path, "x")
    await asyncio.sleep(1)


def sync_handler(path: str) -> None:
    time.sleep(1)
    open(path).close()


async def shadowed(input, path: str) -> str:
    return input(path)  # a parameter named like the builtin

# agno-version: 2.9
response = agent.run("Summarize")  # from 2.4 on the stream flag no longer sticks


async def ask(agent, question: str):
    return await agent.arun(question)

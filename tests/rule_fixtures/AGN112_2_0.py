# agno-version: 2.0
response = agent.run("Summarize")  # expect: AGN112:12

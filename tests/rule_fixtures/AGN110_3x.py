# agno-version: 3.1
class ReportWorkflow(Workflow):
    def run(self, topic: str):
        return topic

    async def arun(self, topic: str):
        return topic

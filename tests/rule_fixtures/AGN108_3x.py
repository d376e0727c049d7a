# agno-version: 3.1
class ReportWorkflow(Workflow):
    def run(self, topic: str):  # run() overrides replace agno's own on 2.x/3.x: no annotation rule there
        yield topic

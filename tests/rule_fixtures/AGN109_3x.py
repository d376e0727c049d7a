# agno-version: 3.1
from agno.agent import RunEvent
from agno.run.workflow import WorkflowRunEvent

content = RunEvent.run_content
memory = RunEvent.memory_update_completed
compaction = RunEvent.compaction_started
old = RunEvent.run_response  # expect: AGN109:7
workflow = RunEvent.workflow_completed  # expect: AGN109:12
error = WorkflowRunEvent.workflow_error
failed = WorkflowRunEvent.workflow_failed  # expect: AGN109:10
team = TeamRunEvent.task_created

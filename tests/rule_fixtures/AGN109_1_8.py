# agno-version: 1.8
from agno.agent import RunEvent as AgentEvent
from agno.workflow import RunEvent

started = RunEvent.workflow_started
failed = RunEvent.run_error  # expect: AGN109:10
content = AgentEvent.run_response_content
old = AgentEvent.run_response  # expect: AGN109:7
memory = AgentEvent.memory_update_completed
step = WorkflowRunEvent.step_completed
missing = WorkflowRunEvent.workflow_failed  # expect: AGN109:11

# agno-version: 1.5
from agno.run.response import RunEvent


def failure(run_id: str, error: Exception) -> RunResponse:
    return RunResponse(run_id=run_id, content=str(error), event=RunEvent.workflow_failed)  # expect: AGN109:65


running = RunEvent.workflow_running  # expect: AGN109:11
content = RunEvent.run_content  # expect: AGN109:11
fine = [RunEvent.run_error, RunEvent.run_response, RunEvent.workflow_completed, RunEvent.updating_memory]
value = RunEvent.run_error.value
private = RunEvent._member_map_

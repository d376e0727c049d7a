"""The names agno defines, per release line, read from the released source of every line's first and last
release (1.5.10; 1.6.0, 1.7.6, 1.8.4; 2.0.0, 2.9.0; 3.1.10): the members of its event enums and the result
and event classes that 2.0 renamed. A member is known on a line when any of those releases has it."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_AGENT_1_5 = (
    "run_started run_response run_completed run_error run_cancelled run_paused run_continued tool_call_started "
    "tool_call_completed reasoning_started reasoning_step reasoning_completed updating_memory workflow_started "
    "workflow_completed"
)
_AGENT_1_8 = (
    "run_started run_response_content run_intermediate_response_content run_completed run_error run_cancelled "
    "run_paused run_continued tool_call_started tool_call_completed reasoning_started reasoning_step "
    "reasoning_completed memory_update_started memory_update_completed parser_model_response_started "
    "parser_model_response_completed output_model_response_started output_model_response_completed"
)
# 1.6-1.8: agno.workflow.RunEvent is a workflow-only enum with two members.
_WORKFLOW_1_8 = "workflow_started workflow_completed"
# 1.7-1.8 (agno.workflow.v2) and 2.x/3.x: WorkflowRunEvent.
_WORKFLOW_V2_1_8 = (
    "workflow_started workflow_completed workflow_cancelled workflow_error step_started step_completed step_error "
    "loop_execution_started loop_iteration_started loop_iteration_completed loop_execution_completed "
    "parallel_execution_started parallel_execution_completed condition_execution_started "
    "condition_execution_completed router_execution_started router_execution_completed steps_execution_started "
    "steps_execution_completed step_output"
)
_AGENT_2 = (
    "run_started run_content run_content_completed run_intermediate_content run_completed run_error run_cancelled "
    "run_paused run_continued pre_hook_started pre_hook_completed post_hook_started post_hook_completed "
    "tool_call_started tool_call_completed tool_call_error reasoning_started reasoning_step reasoning_content_delta "
    "reasoning_completed memory_update_started memory_update_completed session_summary_started "
    "session_summary_completed parser_model_response_started parser_model_response_completed "
    "output_model_response_started output_model_response_completed model_request_started model_request_completed "
    "compression_started compression_completed followups_started followups_completed custom_event"
)
_AGENT_3 = _AGENT_2 + " compaction_started compaction_completed"
_TEAM_EXTRA_2 = "task_iteration_started task_iteration_completed task_state_updated task_created task_updated"
_WORKFLOW_2 = (
    _WORKFLOW_V2_1_8 + " workflow_paused workflow_agent_started workflow_agent_completed step_paused step_continued "
    "step_executor_paused step_executor_continued step_output_review condition_paused router_paused custom_event"
)
_WORKFLOW_3 = _WORKFLOW_2 + " step_progress"


def _members(*texts: str) -> frozenset[str]:
    return frozenset(word for text in texts for word in text.split())


# line -> enum name -> members. "RunEvent@workflow" is agno.workflow.RunEvent where it differs.
ENUMS: Mapping[str, Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        "1.5": {"RunEvent": _members(_AGENT_1_5)},
        "1.6-1.8": {
            "RunEvent": _members(_AGENT_1_8),
            "RunEvent@workflow": _members(_WORKFLOW_1_8),
            "TeamRunEvent": _members(_AGENT_1_8) - {"run_paused", "run_continued"},
            "WorkflowRunEvent": _members(_WORKFLOW_V2_1_8),
        },
        "2.x": {
            "RunEvent": _members(_AGENT_2),
            "TeamRunEvent": _members(_AGENT_2, _TEAM_EXTRA_2),
            "WorkflowRunEvent": _members(_WORKFLOW_2),
        },
        "3.x": {
            "RunEvent": _members(_AGENT_3),
            "TeamRunEvent": _members(_AGENT_3, _TEAM_EXTRA_2),
            "WorkflowRunEvent": _members(_WORKFLOW_3),
        },
    }
)

# The 1.x result and event classes that 2.0 removed, and what replaced each (None: nothing).
RENAMED_IN_2: Mapping[str, str | None] = MappingProxyType(
    {
        "RunResponse": "RunOutput",
        "RunResponseEvent": "RunOutputEvent",
        "RunResponseContentEvent": "RunContentEvent",
        "IntermediateRunResponseContentEvent": "IntermediateRunContentEvent",
        "RunResponseStartedEvent": "RunStartedEvent",
        "RunResponseCompletedEvent": "RunCompletedEvent",
        "RunResponseErrorEvent": "RunErrorEvent",
        "RunResponseCancelledEvent": "RunCancelledEvent",
        "RunResponsePausedEvent": "RunPausedEvent",
        "RunResponseContinuedEvent": "RunContinuedEvent",
        "RunResponseExtraData": None,
        "TeamRunResponse": "TeamRunOutput",
        "TeamRunResponseEvent": "TeamRunOutputEvent",
        "WorkflowRunResponse": "WorkflowRunOutput",
        "WorkflowRunResponseEvent": "WorkflowRunOutputEvent",
        "WorkflowRunResponseStartedEvent": "WorkflowStartedEvent",
    }
)

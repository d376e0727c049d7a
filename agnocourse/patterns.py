"""The shared base of the course's two-class pattern (book/patterns.md, pattern 1), for agno 1.5.10.

agno wraps a subclass's `run()` in `Workflow.run_workflow`, which gives the run its ids, its memory and its
storage. It never wraps `arun()`: after an async run the workflow's `session_id`, `memory` and
`run_response` are still None. `TwoPathWorkflow` gives both paths the same state: the ids are settled when
the workflow is built, `own_agent` binds an agent to this workflow, and an `arun()` opens its run with
`start_run` and closes it with `finish_run`, which do what `run_workflow` does before and after `run()`.
`copy_agent` copies an agent's configuration where agno's `deep_copy()` raises TypeError.
"""

from __future__ import annotations

import copy
from typing import Any
from uuid import uuid4

from agno.agent import Agent
from agno.memory.v2.memory import Memory
from agno.memory.workflow import WorkflowMemory, WorkflowRun
from agno.run.response import RunResponse
from agno.workflow import Workflow


class TwoPathWorkflow(Workflow):
    """What a sync class (run) and an async class (arun) share: ids, their own agents, the run's bookkeeping."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.set_workflow_id()
        self.set_session_id()

    def own_agent(self, agent: Agent) -> Agent:
        """An agent for this workflow object only, recording its runs under this workflow's session."""
        agent.session_id = self.session_id
        agent.workflow_id = self.workflow_id
        return agent

    def start_run(self, **run_input: Any) -> str:
        """For arun(): what agno does before it calls run(), except registering with agno's platform (an
        await, done only when monitoring is on). Returns the new run's id."""
        self.set_storage_mode()
        self.set_debug()
        self.set_monitoring()
        self.initialize_memory()
        self.run_id = str(uuid4())
        self.run_input = run_input
        self.run_response = RunResponse(run_id=self.run_id, session_id=self.session_id, workflow_id=self.workflow_id)
        self.read_from_storage()
        return self.run_id

    def finish_run(self, content: str) -> None:
        """For arun(): what agno does after run() has yielded its last item: memory, then storage."""
        if self.run_response is None:
            raise RuntimeError("finish_run() without start_run(): begin arun() with self.run_id = self.start_run(...)")
        self.run_response.content = content
        if isinstance(self.memory, WorkflowMemory):
            self.memory.add_run(WorkflowRun(input=self.run_input, response=self.run_response))
        elif isinstance(self.memory, Memory):
            self.memory.add_run(session_id=str(self.session_id), run=self.run_response)
        self.write_to_storage()


# Agent fields that agno 1.5.10's Agent.__init__ does not take, so deep_copy() cannot pass them back.
_BINDING_FIELDS = ("workflow_id", "team_id", "team_session_id", "team_session_state", "app_id")
# What a run leaves on an agent: its identity, its session and the conversation held in memory.
_RUN_STATE_FIELDS = ("agent_id", "session_id", "session_name", "memory", "run_id", "run_input", "run_response")


def copy_agent(agent: Agent) -> Agent:
    """A new agent configured like `agent` (model, tools, instructions, options), bound to no workflow or team,
    with no session and no run history. Bind it with `own_agent`.

    agno 1.5.10's `agent.deep_copy()` passes every field that is set to `Agent.__init__`, which takes no
    `workflow_id` (nor `team_id`, `team_session_id`, `team_session_state`, `app_id`): it raises TypeError on an
    agent that `own_agent` or agno's own workflow run has bound. It also copies the session and the memory of
    an agent that has run. A memory you configured yourself is not copied: give the copy its own. The model and
    the list of tools are deep-copied: a tool that is a method of an object runs on a copy of that object."""
    unbound = copy.copy(agent)
    for name in (*_BINDING_FIELDS, *_RUN_STATE_FIELDS):
        setattr(unbound, name, None)
    return unbound.deep_copy()


def recorded_run_ids(workflow: Workflow) -> list[str]:
    """The ids of the runs the workflow's memory holds for its session (what agno writes to storage)."""
    memory = workflow.memory
    if isinstance(memory, WorkflowMemory):
        return [str(run.response.run_id) for run in memory.runs if run.response is not None]
    if isinstance(memory, Memory) and memory.runs is not None and workflow.session_id is not None:
        return [str(run.run_id) for run in memory.runs.get(workflow.session_id, [])]
    return []

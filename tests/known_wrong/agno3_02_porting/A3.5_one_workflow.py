# Known-wrong answer to exercise A3.5: one workflow for both paths, though a function step belongs to one path.
# expect: built the workflows


async def same_on_both_paths(build, given):
    workflow = build("async")
    sync_run = await asyncio.to_thread(workflow.run, input=given)
    async_run = await workflow.arun(input=given)
    steps = [[(s.step_name, s.success) for s in run.step_results] for run in (sync_run, async_run)]
    return sync_run.content == async_run.content and steps[0] == steps[1]

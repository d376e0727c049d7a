# Known-wrong answer to exercise A3.5: the sync path run on the event loop's own thread.
# expect: ran the sync path on the event loop's thread


async def same_on_both_paths(build, given):
    sync_run = build("sync").run(input=given)
    async_run = await build("async").arun(input=given)
    steps = [[(s.step_name, s.success) for s in run.step_results] for run in (sync_run, async_run)]
    return sync_run.content == async_run.content and steps[0] == steps[1]

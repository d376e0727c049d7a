# A right answer to exercise A3.5, written another way: the loop's default executor, the steps compared pairwise.


async def same_on_both_paths(build, given):
    loop = asyncio.get_running_loop()
    sync_workflow, async_workflow = build("sync"), build("async")
    sync_run = await loop.run_in_executor(None, lambda: sync_workflow.run(input=given))
    async_run = await async_workflow.arun(input=given)
    if sync_run.content != async_run.content or len(sync_run.step_results) != len(async_run.step_results):
        return False
    return all(
        (a.step_name, a.success) == (b.step_name, b.success)
        for a, b in zip(sync_run.step_results, async_run.step_results, strict=True)
    )

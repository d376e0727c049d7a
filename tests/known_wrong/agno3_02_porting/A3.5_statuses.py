# Known-wrong answer to exercise A3.5: the statuses compared, which agno 3.1 sets to COMPLETED for a skipped step.
# expect: [Testing: both paths give the same result]
# expect: a step skipped


async def same_on_both_paths(build, given):
    sync_run = await asyncio.to_thread(build("sync").run, input=given)
    async_run = await build("async").arun(input=given)
    return sync_run.status == async_run.status and sync_run.content == async_run.content

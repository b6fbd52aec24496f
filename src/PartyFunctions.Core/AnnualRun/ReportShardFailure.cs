using PartyFunctions.Telemetry;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// Use case for a shard the host gave up on (poison queue): the run's status shows it as failed, and the run can
/// still complete without it; an administrator's resume sends it again once the cause is fixed.
/// </summary>
public sealed class ReportShardFailure(IClassificationRunStore runs, CompleteClassificationRun completion, PartyMetrics metrics, TimeProvider clock)
{
    public async Task RunAsync(ShardMessage message, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mark = await runs.GetShardAsync(message.RunId, message.SuperiorId, cancellationToken);
        if (mark is { Status: ShardStatus.Done })
        {
            return;
        }

        // A repeated poison message keeps the time and error of the failure already recorded; completion still runs.
        if (mark is not { Status: ShardStatus.Failed }
            && await runs.MoveShardAsync(new ShardState(message.RunId, message.SuperiorId, ShardStatus.Failed, At: clock.GetUtcNow(), Error: error), cancellationToken) is { Moved: true })
        {
            metrics.ShardFailed(message.RunId);
        }

        await completion.RunAsync(message.RunId, message.SuperiorId, cancellationToken);
    }
}

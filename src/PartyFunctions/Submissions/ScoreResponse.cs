using PartyFunctions.Configuration;

namespace PartyFunctions.Submissions;

/// <summary>
/// Multi-output of the functions that record a score: the HTTP answer and, when a score was recorded, one
/// <see cref="ScoreRecorded"/> on <c>score-events</c>. The host writes the message only after the function returned,
/// in the same invocation, so an accepted score is announced even when everything downstream is down.
/// </summary>
public sealed class ScoreResponse
{
    [HttpResult]
    public required IActionResult Result { get; init; }

    [QueueOutput(StorageNames.ScoreEventsQueue, Connection = AppSettings.StorageConnection)]
    public ScoreRecorded? Event { get; init; }
}

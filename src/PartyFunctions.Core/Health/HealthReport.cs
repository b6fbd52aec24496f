namespace PartyFunctions.Health;

/// <summary>
/// What <c>GET /api/health</c> answers: the running version, <see cref="Status"/> (<c>ok</c>; <c>degraded</c> when a
/// timer is late; <c>unhealthy</c> when storage does not answer), whether each storage service answered, and the
/// names of the late timers (names only: no times, addresses or settings), and where email goes (<c>sendgrid</c>,
/// <c>directory</c> or <c>not configured</c>).
/// </summary>
public sealed record HealthReport(string Version, string Status, IReadOnlyList<ServiceHealth> Services, IReadOnlyList<string> LateTimers)
{
    public string Email { get; init; } = Notifications.EmailStatus.NotConfigured;

    public const string Ok = "ok";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";

    public bool Healthy => Status == Ok;
}

/// <summary>One storage service's answer to a probe; <paramref name="Error"/> is a short reason, never a secret.</summary>
public sealed record ServiceHealth(string Name, bool Healthy, long ElapsedMilliseconds, string? Error = null);

namespace PartyFunctions.Health;

/// <summary>What <c>GET /api/health</c> answers: the running version and whether each storage service answered.</summary>
public sealed record HealthReport(string Version, bool Healthy, IReadOnlyList<ServiceHealth> Services);

/// <summary>One storage service's answer to a probe; <paramref name="Error"/> is a short reason, never a secret.</summary>
public sealed record ServiceHealth(string Name, bool Healthy, long ElapsedMilliseconds, string? Error = null);

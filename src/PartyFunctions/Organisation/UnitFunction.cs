namespace PartyFunctions.Organisation;

/// <summary>
/// <c>GET /api/units/{id}?link=TOKEN</c>: a superior opens a unit from a signed "view" link in its email, and sees
/// the unit and its children when the unit lies within the link's scope (<see cref="ViewUnit"/>).
/// </summary>
public sealed class UnitFunction(ViewUnit view)
{
    [Function("Unit")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Unit)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var seen = await view.RunAsync(request.Link(), id, cancellationToken);
        return seen.Unit is { } unit
            ? new OkObjectResult(new UnitJson(UnitSummary.Of(unit), seen.Children.Select(UnitSummary.Of).ToList()))
            : Problems.Of(StatusCodes.Status403Forbidden, seen.Refusal!, RequestReading.Language(request.Query["lang"]));
    }
}

/// <summary>A unit and its direct children, as the superior's page reads them.</summary>
public sealed record UnitJson(UnitSummary Unit, IReadOnlyList<UnitSummary> Children);

/// <summary>A unit for JSON: the kind as its import code, dates as ISO.</summary>
public sealed record UnitSummary(
    string Id, string? ParentId, string Kind, string Name, DateOnly ActiveFrom, DateOnly? ActiveTo,
    string? SecretaryEmail, string? OfficeEmail, string? AssignedMemberName, string? AssignedMemberEmail)
{
    public static UnitSummary Of(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new(unit.Id, unit.ParentId, unit.Kind.Code(), unit.Name, unit.ActiveFrom, unit.ActiveTo,
            unit.SecretaryEmail, unit.OfficeEmail, unit.AssignedMemberName, unit.AssignedMemberEmail);
    }
}

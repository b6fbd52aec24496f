using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PartyFunctions.Access;

namespace PartyFunctions.Organisation;

/// <summary>
/// <c>GET /api/units/{id}?link=TOKEN</c>: a superior opens a unit from a signed "view" link in its email, and sees
/// the unit and its children when the unit lies within the link's scope. The link is the credential.
/// </summary>
public sealed class UnitFunction(SubtreeAccess access, IUnitStore units)
{
    public const string ViewAction = "view";

    [Function("Unit")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "units/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var result = await access.AuthoriseAsync(request.Query["link"].FirstOrDefault(), ViewAction, id, cancellationToken);
        if (!result.Allowed)
        {
            return new ObjectResult(new { error = result.Message }) { StatusCode = StatusCodes.Status403Forbidden };
        }

        var children = await units.GetChildrenAsync(id, cancellationToken);
        return new OkObjectResult(new UnitView(UnitSummary.Of(result.Unit!), children.Select(UnitSummary.Of).ToList()));
    }
}

/// <summary>A unit and its direct children, as the superior's page reads them.</summary>
public sealed record UnitView(UnitSummary Unit, IReadOnlyList<UnitSummary> Children);

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

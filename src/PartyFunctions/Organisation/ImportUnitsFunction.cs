using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PartyFunctions.Access;

namespace PartyFunctions.Organisation;

/// <summary>
/// <c>POST /api/admin/units/import[?deactivateMissing=true]</c>: the units CSV as the body (or one file of a
/// multipart form). Function key, plus the PartyAdmin role where App Service Authentication is on.
/// 200 with the counts; 400 with every bad line, nothing written; 413 when the file is too large.
/// </summary>
public sealed class ImportUnitsFunction(ImportUnits importUnits, AdminPrincipal admin)
{
    [Function("ImportUnits")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "admin/units/import")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (admin.Deny(request) is { } denied)
        {
            return denied;
        }

        if (!bool.TryParse(request.Query["deactivateMissing"].FirstOrDefault() ?? "false", out var deactivateMissing))
        {
            return new BadRequestObjectResult(new { error = "deactivateMissing phải là true hoặc false / must be true or false." });
        }

        byte[]? content;
        try
        {
            content = await UploadedFile.ReadAsync(request, ImportUnits.MaxFileBytes, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return new BadRequestObjectResult(new { error = "Biểu mẫu tải lên không đọc được / unreadable multipart form." });
        }

        if (content is null)
        {
            return new ObjectResult(new { error = $"Tệp quá lớn (tối đa {ImportUnits.MaxFileBytes / 1024 / 1024} MB) / the file is too large." })
            {
                StatusCode = StatusCodes.Status413PayloadTooLarge,
            };
        }

        var report = await importUnits.RunAsync(content, deactivateMissing, cancellationToken);
        return report.Succeeded ? new OkObjectResult(report) : new BadRequestObjectResult(report);
    }
}

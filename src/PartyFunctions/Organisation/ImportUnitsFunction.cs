using PartyFunctions.Policy;

namespace PartyFunctions.Organisation;

/// <summary>
/// <c>POST /api/admin/units/import[?deactivateMissing=true]</c>: the units CSV as the body (or one file of a
/// multipart form). Function key, plus the PartyAdmin role where App Service Authentication is on.
/// 200 with the counts; 400 with every bad line (problem details, one error per line), nothing written; 413 when the file is too large.
/// </summary>
public sealed class ImportUnitsFunction(ImportUnits importUnits, AdminPrincipal admin)
{
    /// <summary>Room for a multipart form's boundaries and headers around the file.</summary>
    private const int MultipartEnvelopeBytes = 64 * 1024;

    [Function("ImportUnits")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminImportUnits)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (admin.Deny(request) is { } denied)
        {
            return denied;
        }

        var language = RequestReading.Language(request.Query["lang"]);

        if (!bool.TryParse(request.Query["deactivateMissing"].FirstOrDefault() ?? "false", out var deactivateMissing))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, new LocalizedText("deactivateMissing phải là true hoặc false.", "deactivateMissing must be true or false."), language);
        }

        UploadRead upload;
        try
        {
            upload = await RequestBody.ReadFileAsync(request, ImportUnits.MaxFileBytes + MultipartEnvelopeBytes, "file", cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, new LocalizedText("Biểu mẫu tải lên không đọc được.", "The multipart form is unreadable."), language);
        }

        if (upload.TooLarge || upload.Content is not { } content || content.Length > ImportUnits.MaxFileBytes)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, new LocalizedText(
                $"Tệp quá lớn (tối đa {ImportUnits.MaxFileBytes / 1024 / 1024} MB).", $"The file is too large (at most {ImportUnits.MaxFileBytes / 1024 / 1024} MB)."), language);
        }

        var report = await importUnits.RunAsync(content, deactivateMissing, cancellationToken);
        if (report.Succeeded)
        {
            return new OkObjectResult(report);
        }

        // Every bad line is one error; the refused file is archived all the same, and the answer says where.
        var refused = Problems.Of(StatusCodes.Status400BadRequest, report.Errors.Select(e => new Scoring.FieldError(
            e.Line > 0 ? $"line {e.Line}" : "", "import", e.Message, e.Message)).ToList(), language);
        ((ProblemDetails)refused.Value!).Extensions["archivedAs"] = report.ArchivedAs;
        return refused;
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

/// <summary>RFC 9457 problem details for the JSON API: a stable type per status, every field error listed.</summary>
public static class Problems
{
    public static ObjectResult Of(int status, IReadOnlyList<FieldError> errors, string language)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var en = language == "en";
        var detail = string.Join(" ", errors.Select(e => (e.Field.Length > 0 ? e.Field + ": " : "") + (en ? e.En : e.Vi)));
        var problem = new ProblemDetails
        {
            Type = $"https://partyfunctions.example/problems/{Slug(status)}",
            Title = Title(status, en),
            Status = status,
            Detail = detail,
        };
        problem.Extensions["errors"] = errors.Select(e => new { field = e.Field, code = e.Code, message = en ? e.En : e.Vi }).ToList();
        var result = new ObjectResult(problem) { StatusCode = status };
        result.ContentTypes.Add("application/problem+json");
        return result;
    }

    public static ObjectResult Of(int status, string vi, string en, string language) =>
        Of(status, [new FieldError("", Slug(status), vi, en)], language);

    public static int StatusOf(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Unauthenticated => StatusCodes.Status401Unauthorized,
        SubmissionStatus.LockedOut or SubmissionStatus.Closed => StatusCodes.Status423Locked,
        SubmissionStatus.Conflict => StatusCodes.Status409Conflict,
        SubmissionStatus.Replayed => StatusCodes.Status200OK,
        SubmissionStatus.Recorded => StatusCodes.Status201Created,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string Slug(int status) => status switch
    {
        401 => "wrong-access-code",
        403 => "forbidden",
        404 => "not-found",
        409 => "conflict",
        413 => "too-large",
        415 => "unsupported-media-type",
        423 => "locked",
        _ => "invalid-submission",
    };

    private static string Title(int status, bool en) => (status, en) switch
    {
        (401, false) => "Mã truy cập không đúng",
        (401, true) => "Wrong access code",
        (403, false) => "Không được phép",
        (403, true) => "Forbidden",
        (404, false) => "Không tìm thấy",
        (404, true) => "Not found",
        (409, false) => "Xung đột",
        (409, true) => "Conflict",
        (413, false) => "Nội dung quá lớn",
        (413, true) => "Body too large",
        (415, false) => "Sai kiểu nội dung",
        (415, true) => "Unsupported media type",
        (423, false) => "Đang bị khóa",
        (423, true) => "Locked",
        (_, false) => "Bản tự chấm điểm chưa hợp lệ",
        _ => "The submission is not valid",
    };
}

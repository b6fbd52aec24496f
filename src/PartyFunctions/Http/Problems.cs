using PartyFunctions.Policy;
using PartyFunctions.Presentation;
using PartyFunctions.Scoring;

namespace PartyFunctions.Http;

/// <summary>
/// How every endpoint answers an error (docs/api.md, "Errors"). JSON endpoints: RFC 9457 problem details
/// (<c>application/problem+json</c>) with a stable <c>type</c> per status, <c>title</c> and <c>detail</c> in the language
/// asked for (<c>?lang=en</c>, Vietnamese otherwise), the Vietnamese and English texts as the separate fields <c>vi</c>
/// and <c>en</c>, and every error in <c>errors</c> (<c>field, code, message, vi, en</c>). HTML endpoints: the one error
/// page, Vietnamese first.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";
    public const string TypeBase = "https://partyfunctions.example/problems/";

    public static ObjectResult Of(int status, IReadOnlyList<FieldError> errors, string language)
    {
        var result = new ObjectResult(Details(status, errors, language)) { StatusCode = status };
        result.ContentTypes.Add(ContentType);
        return result;
    }

    public static ObjectResult Of(int status, LocalizedText message, string language = "vi")
    {
        ArgumentNullException.ThrowIfNull(message);
        return Of(status, [new FieldError("", Slug(status), message.Vi, message.En)], language);
    }

    /// <summary>The problem document itself, for answers written outside MVC (the storage-outage middleware).</summary>
    public static ProblemDetails Details(int status, IReadOnlyList<FieldError> errors, string language)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var en = language == "en";
        string Line(FieldError e, bool english) => (e.Field.Length > 0 ? e.Field + ": " : "") + (english ? e.En : e.Vi);
        var title = TitleOf(status);
        var problem = new ProblemDetails
        {
            Type = TypeBase + Slug(status),
            Title = en ? title.En : title.Vi,
            Status = status,
            Detail = string.Join(" ", errors.Select(e => Line(e, en))),
        };
        problem.Extensions["vi"] = string.Join(" ", errors.Select(e => Line(e, false)));
        problem.Extensions["en"] = string.Join(" ", errors.Select(e => Line(e, true)));
        problem.Extensions["errors"] = errors.Select(e => new { field = e.Field, code = e.Code, message = en ? e.En : e.Vi, vi = e.Vi, en = e.En }).ToList();
        return problem;
    }

    /// <summary>The error page of an HTML endpoint.</summary>
    public static ContentResult Page(int status, LocalizedText message) => HtmlPage.Of(status, ErrorPage.Render(TitleOf(status), message, ErrorPage.NextStep(status)));

    public static int StatusOf(Submissions.SubmissionStatus status) => status switch
    {
        Submissions.SubmissionStatus.Unauthenticated => StatusCodes.Status401Unauthorized,
        Submissions.SubmissionStatus.Throttled => StatusCodes.Status429TooManyRequests,
        Submissions.SubmissionStatus.Closed => StatusCodes.Status423Locked,
        Submissions.SubmissionStatus.Conflict => StatusCodes.Status409Conflict,
        Submissions.SubmissionStatus.Replayed => StatusCodes.Status200OK,
        Submissions.SubmissionStatus.Recorded => StatusCodes.Status201Created,
        _ => StatusCodes.Status400BadRequest,
    };

    public static int StatusOf(Attendance.AttendanceStatus status) => status switch
    {
        Attendance.AttendanceStatus.Recorded => StatusCodes.Status201Created,
        Attendance.AttendanceStatus.Shown or Attendance.AttendanceStatus.Amended or Attendance.AttendanceStatus.Replayed => StatusCodes.Status200OK,
        Attendance.AttendanceStatus.Forbidden => StatusCodes.Status403Forbidden,
        Attendance.AttendanceStatus.NotFound => StatusCodes.Status404NotFound,
        Attendance.AttendanceStatus.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The status of a remediation answer, page or JSON alike.</summary>
    public static int StatusOf(Remediation.RemediationStatus status) => status switch
    {
        Remediation.RemediationStatus.Found or Remediation.RemediationStatus.Created or Remediation.RemediationStatus.Updated or Remediation.RemediationStatus.Unchanged => StatusCodes.Status200OK,
        Remediation.RemediationStatus.Forbidden => StatusCodes.Status403Forbidden,
        Remediation.RemediationStatus.Throttled => StatusCodes.Status429TooManyRequests,
        Remediation.RemediationStatus.NotFound => StatusCodes.Status404NotFound,
        Remediation.RemediationStatus.Conflict => StatusCodes.Status409Conflict,
        Remediation.RemediationStatus.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        Remediation.RemediationStatus.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    public static LocalizedText TitleOf(int status) => status switch
    {
        401 => new("Chưa xác thực được", "Not authenticated"),
        403 => new("Không được phép", "Forbidden"),
        404 => new("Không tìm thấy", "Not found"),
        409 => new("Xung đột", "Conflict"),
        413 => new("Nội dung quá lớn", "Body too large"),
        415 => new("Sai kiểu nội dung", "Unsupported media type"),
        423 => new("Đang bị khóa", "Locked"),
        429 => new("Thử quá nhiều lần", "Too many attempts"),
        503 => new("Tạm thời chưa lưu được", "Temporarily unavailable"),
        _ => new("Yêu cầu chưa hợp lệ", "The request is not valid"),
    };

    private static string Slug(int status) => status switch
    {
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        409 => "conflict",
        413 => "too-large",
        415 => "unsupported-media-type",
        423 => "locked",
        429 => "too-many-attempts",
        503 => "storage-unavailable",
        _ => "invalid-request",
    };
}

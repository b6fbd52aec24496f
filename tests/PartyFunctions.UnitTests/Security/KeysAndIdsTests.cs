using PartyFunctions.Access;
using PartyFunctions.Organisation;

namespace PartyFunctions.UnitTests.Security;

/// <summary>Issue 15 item 6: keys and ids that are never accepted.</summary>
public sealed class KeysAndIdsTests
{
    [Theory]
    [InlineData("BN.CB1\n")]
    [InlineData("BN.CB1\r\n")]
    [InlineData("BN#1")]
    [InlineData("BN?1")]
    [InlineData("BN\\1")]
    [InlineData("BN/1")]
    [InlineData("BN\u00011")]
    public void A_unit_id_with_a_trailing_newline_or_a_key_character_is_not_an_id(string id) => Assert.False(UnitPath.IsValidId(id));

    [Theory]
    [InlineData("bG9jYWwtb25seS1saW5rLXNpZ25pbmcta2V5LW5vdC1mb3ItYXp1cmU=")]
    [InlineData("ZGVtby1vbmx5LWxpbmstc2lnbmluZy1rZXktbm90LWZvci1henVyZQ==")]
    public void The_published_placeholder_and_demo_keys_are_refused_in_Azure_and_allowed_on_a_laptop(string key)
    {
        Assert.Throws<InvalidOperationException>(() => LinkSigningKey.ForHost(key, null, inAzure: true));
        Assert.Throws<InvalidOperationException>(() => LinkSigningKey.ForHost(Convert.ToBase64String(new byte[32]), key, inAzure: true));
        Assert.NotNull(LinkSigningKey.ForHost(key, null, inAzure: false));
    }

    [Fact]
    public void A_client_address_is_kept_as_a_keyed_hash_that_a_table_of_all_addresses_cannot_reverse()
    {
        var one = new ClientAddresses(new LinkSigningKey(Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray())));
        var other = new ClientAddresses(new LinkSigningKey(Convert.ToBase64String(Enumerable.Repeat((byte)2, 32).ToArray())));
        var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("203.0.113.9"u8));

        Assert.Equal(one.Hash("203.0.113.9"), one.Hash("203.0.113.9"));
        Assert.NotEqual(one.Hash("203.0.113.9"), other.Hash("203.0.113.9"));
        Assert.DoesNotContain(one.Hash("203.0.113.9"), plain, StringComparison.Ordinal);
    }
}

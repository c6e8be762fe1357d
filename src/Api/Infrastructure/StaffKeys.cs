using System.Security.Cryptography;
using System.Text;

namespace Restaurant.Api.Infrastructure;

/// <summary>The configured staff keys, compared by hash in constant time.</summary>
public sealed class StaffKeys
{
    private readonly byte[][] _hashes;

    public StaffKeys(IConfiguration configuration, IHostEnvironment environment, ILogger<StaffKeys> logger)
    {
        var keys = configuration.GetSection("Restaurant:StaffKeys").Get<string[]>()?.Where(k => !string.IsNullOrWhiteSpace(k)).ToArray() ?? [];
        if (keys.Length == 0)
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException("Restaurant:StaffKeys is empty: configure at least one staff key outside Development.");
            logger.LogWarning("No staff key is configured: accepting '{Key}', which is fit for Development only.", Access.DevelopmentStaffKey);
            keys = [Access.DevelopmentStaffKey];
        }
        _hashes = keys.Select(HashOf).ToArray();
    }

    public bool Matches(string candidate)
    {
        var hash = HashOf(candidate);
        var match = false;
        foreach (var known in _hashes) match |= CryptographicOperations.FixedTimeEquals(known, hash);
        return match;
    }

    private static byte[] HashOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

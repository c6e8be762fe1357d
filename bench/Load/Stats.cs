using System.Runtime.InteropServices;

namespace Restaurant.Benchmarks.Load;

public static class Stats
{
    /// <summary>Nearest-rank percentile; NaN for no values.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double fraction)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }

    /// <summary>The middle value, or the mean of the middle two.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Goal(double ratio, double goal) => ratio >= goal ? $"met (≥ {goal:0.0#}×)" : $"**not met** (< {goal:0.0#}×)";

    /// <summary>Cores, CPU, OS, runtime and the load average: the machine is shared, so its load goes with every table.</summary>
    public static string MachineLine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : null;
        return $"Machine: {Environment.ProcessorCount} logical cores ({cpu ?? RuntimeInformation.OSArchitecture.ToString()}), " +
            $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; {LoadAverage()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.";
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Ivig.Testing;
using YamlDotNet.RepresentationModel;

namespace Ivig.Resilience.Deployment;

/// <summary>
/// The Kubernetes manifests under deploy/ (docs/deployment.md) are well-formed, safe by default, and
/// name only configuration keys the code really reads, so they cannot drift silently from it. Files
/// only: no cluster, no suite start.
/// </summary>
public sealed partial class DeploymentManifestTests
{
    private static readonly string Root = RepositoryPaths.Root();
    private static readonly string DeployDirectory = Path.Combine(Root, "deploy");
    private static readonly Lazy<IReadOnlyList<Manifest>> AllDocuments = new(LoadAll);

    // The suite's own workloads and the project each is built from.
    private static readonly Dictionary<string, string> SuiteProjects = new(StringComparer.Ordinal)
    {
        ["eligibility"] = "src/Eligibility.Service",
        ["dosing"] = "src/Dosing.Service",
        ["monitoring"] = "src/Monitoring.Service",
        ["gateway"] = "src/Gateway",
    };

    private static IEnumerable<Manifest> Resources => AllDocuments.Value.Where(m => m.Kind != "Kustomization");

    private static IEnumerable<Manifest> Workloads => Resources.Where(m => m.Kind is "Deployment" or "StatefulSet");

    [Fact]
    public void Every_yaml_file_under_deploy_parses_and_every_document_has_apiVersion_kind_and_name()
    {
        var files = YamlFiles().ToList();
        Assert.NotEmpty(files);
        Assert.NotEmpty(AllDocuments.Value);
        Assert.All(files, file => Assert.Contains(AllDocuments.Value, m => m.File == file));

        Assert.All(AllDocuments.Value, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Text(m.Root, "apiVersion")), $"{m}: apiVersion");
            Assert.False(string.IsNullOrWhiteSpace(m.Kind), $"{m}: kind");
        });
        // A Kustomization is kustomize's own file, not a Kubernetes object: it has no metadata.name.
        Assert.All(Resources, m => Assert.False(string.IsNullOrWhiteSpace(m.Name), $"{m}: metadata.name"));
    }

    [Fact]
    public void Every_kustomization_lists_files_that_exist_and_every_manifest_beside_it()
    {
        var kustomizations = AllDocuments.Value.Where(m => m.Kind == "Kustomization").ToList();
        Assert.NotEmpty(kustomizations);
        Assert.Contains(kustomizations, k => k.File == "deploy/kubernetes/base/kustomization.yaml");

        foreach (var kustomization in kustomizations)
        {
            var directory = Path.GetDirectoryName(Path.Combine(Root, kustomization.File))!;
            var listed = Items(At(kustomization.Root, "resources")).Select(Scalar)
                .Concat(Items(At(kustomization.Root, "components")).Select(Scalar))
                .Concat(Items(At(kustomization.Root, "patches")).Select(p => Text(p, "path")))
                .OfType<string>()
                .Where(entry => !entry.Contains("://", StringComparison.Ordinal))
                .ToList();

            foreach (var entry in listed)
            {
                var path = Path.GetFullPath(Path.Combine(directory, entry));
                Assert.True(File.Exists(path) || File.Exists(Path.Combine(path, "kustomization.yaml")),
                    $"{kustomization.File} lists {entry}, which does not exist");
            }

            var besideIt = Directory.EnumerateFiles(directory)
                .Where(IsYaml)
                .Select(Path.GetFileName)
                .Where(name => name is not ("kustomization.yaml" or "kustomization.yml"));
            Assert.All(besideIt, name => Assert.True(listed.Contains(name!), $"{name} is beside {kustomization.File} but not listed in it"));
        }
    }

    [Fact]
    public void Every_workload_has_probes_resources_a_locked_down_security_context_and_a_pinned_image()
    {
        Assert.NotEmpty(Workloads);
        foreach (var workload in Workloads)
        {
            var pod = At(workload.Root, "spec", "template", "spec");
            Assert.NotNull(pod);
            var podRunsAsNonRoot = Text(pod, "securityContext", "runAsNonRoot") == "true";

            foreach (var container in Items(At(pod, "containers")))
            {
                var name = $"{workload} container {Text(container, "name")}";
                Assert.NotNull(At(container, "readinessProbe"));
                Assert.NotNull(At(container, "livenessProbe"));
                Assert.False(string.IsNullOrEmpty(Text(container, "resources", "requests", "memory")), $"{name}: memory request");
                Assert.False(string.IsNullOrEmpty(Text(container, "resources", "requests", "cpu")), $"{name}: cpu request");
                Assert.False(string.IsNullOrEmpty(Text(container, "resources", "limits", "memory")), $"{name}: memory limit");
                Assert.True(podRunsAsNonRoot || Text(container, "securityContext", "runAsNonRoot") == "true", $"{name}: runAsNonRoot");
                Assert.Equal("false", Text(container, "securityContext", "allowPrivilegeEscalation"));
                Assert.Equal("true", Text(container, "securityContext", "readOnlyRootFilesystem"));
                Assert.Contains("ALL", Items(At(container, "securityContext", "capabilities", "drop")).Select(Scalar));
                AssertPinned(name, Text(container, "image"));
            }
        }
    }

    [Fact]
    public void The_suite_runs_two_or_more_replicas_of_each_service_probed_on_health_and_alive()
    {
        foreach (var (service, _) in SuiteProjects)
        {
            var deployment = Assert.Single(Resources, m => m.Kind == "Deployment" && m.Name == service);
            Assert.True(int.Parse(Text(deployment.Root, "spec", "replicas") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 2, $"{deployment}: replicas");

            var container = Assert.Single(Items(At(deployment.Root, "spec", "template", "spec", "containers")));
            Assert.StartsWith($"registry.example.org/ivig/{service}:", Text(container, "image"), StringComparison.Ordinal);
            // Probes go to the HTTP/1.1 endpoint: the grpc one speaks HTTP/2 only.
            Assert.Equal("/health", Text(container, "readinessProbe", "httpGet", "path"));
            Assert.Equal("http", Text(container, "readinessProbe", "httpGet", "port"));
            Assert.Equal("/alive", Text(container, "livenessProbe", "httpGet", "path"));
            Assert.Equal("http", Text(container, "livenessProbe", "httpGet", "port"));
            var ports = Items(At(container, "ports")).Select(p => Text(p, "name")).ToList();
            Assert.Contains("http", ports);
            Assert.Contains("grpc", ports);

            Assert.Contains(Resources, m => m.Kind == "HorizontalPodAutoscaler" && Text(m.Root, "spec", "scaleTargetRef", "name") == service);
            Assert.Contains(Resources, m => m.Kind == "PodDisruptionBudget" && Text(m.Root, "spec", "selector", "matchLabels", "app.kubernetes.io/name") == service);
            Assert.NotEmpty(Items(At(deployment.Root, "spec", "template", "spec", "topologySpreadConstraints")));
        }
    }

    [Fact]
    public void Every_service_selects_the_pods_of_some_workload()
    {
        var services = Resources.Where(m => m.Kind == "Service").ToList();
        Assert.NotEmpty(services);
        var podLabels = Workloads.Select(w => Pairs(At(w.Root, "spec", "template", "metadata", "labels"))).ToList();

        Assert.All(services, service =>
        {
            var selector = Pairs(At(service.Root, "spec", "selector"));
            Assert.NotEmpty(selector);
            Assert.True(podLabels.Any(labels => selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value)),
                $"{service}: its selector matches no workload's pod template");
        });
    }

    [Fact]
    public void Connection_strings_passwords_and_keys_come_only_from_secret_references()
    {
        var env = Workloads
            .SelectMany(w => Items(At(w.Root, "spec", "template", "spec", "containers")).Select(c => (w, c)))
            .SelectMany(x => Items(At(x.c, "env")).Select(e => (Workload: x.w, Env: e)))
            .ToList();
        Assert.NotEmpty(env);

        foreach (var (workload, variable) in env.Where(e => IsSensitive(Text(e.Env, "name")!)))
        {
            var name = Text(variable, "name");
            Assert.True(At(variable, "value") is null, $"{workload}: {name} has a literal value");
            Assert.False(string.IsNullOrEmpty(Text(variable, "valueFrom", "secretKeyRef", "name")), $"{workload}: {name} is not a secretKeyRef");
        }
        Assert.Contains(env, e => Text(e.Env, "name") == "ConnectionStrings__redis");
        Assert.Contains(env, e => Text(e.Env, "name") == "ConnectionStrings__messaging");

        // Settings handed over in bulk (envFrom) are ConfigMaps: nothing sensitive may hide there.
        foreach (var configMap in Resources.Where(m => m.Kind == "ConfigMap"))
        {
            Assert.All(Pairs(At(configMap.Root, "data")).Keys, key => Assert.False(IsSensitive(key), $"{configMap}: {key} belongs in a Secret"));
        }
    }

    [Fact]
    public void No_signing_key_appears_anywhere_under_deploy()
    {
        // Production validates tokens against the identity provider (Authentication:Jwt:Authority);
        // the development signing key must never reach a cluster.
        Assert.All(Directory.EnumerateFiles(DeployDirectory, "*", SearchOption.AllDirectories),
            file => Assert.DoesNotContain("SigningKey", File.ReadAllText(file), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_configuration_key_the_manifests_set_is_one_the_code_reads()
    {
        var settings = SuiteSettings().ToList();
        Assert.Contains(settings, s => s.Key == "Authentication__Jwt__Authority");
        Assert.Contains(settings, s => s.Key == "Authentication__Jwt__Audience");
        Assert.Contains(settings, s => s.Key == "Messaging__QuorumQueues" && s.Value == "true");

        foreach (var (workload, key, value) in settings.Where(s => s.Key.Contains("__", StringComparison.Ordinal)))
        {
            var project = SuiteProjects[workload];
            var problem = CheckConfigurationKey(project, key, value);
            Assert.True(problem is null, $"{workload}: {key}: {problem}");
        }
    }

    [Fact]
    public void Redis_keeps_the_fsync_policy_of_local_development_and_RabbitMQ_is_a_three_node_cluster()
    {
        var local = File.ReadAllText(Path.Combine(Root, "src/AppHost/LocalInfrastructure/LocalInfrastructureExtensions.cs"));
        var localPolicy = LocalFsyncPattern().Match(local);
        Assert.True(localPolicy.Success, "the local Redis's --appendfsync argument was not found");

        var redisConfig = Assert.Single(Resources, m => m.Kind == "ConfigMap" && m.Name == "redis-config");
        var conf = Text(redisConfig.Root, "data", "redis.conf") ?? "";
        Assert.Matches(@"(?m)^appendonly yes$", conf);
        Assert.Matches($"(?m)^appendfsync {localPolicy.Groups["policy"].Value}$", conf);

        var redis = Assert.Single(Workloads, m => m.Kind == "StatefulSet" && m.Name == "redis");
        Assert.Equal("3", Text(redis.Root, "spec", "replicas"));
        Assert.Contains(Items(At(redis.Root, "spec", "template", "spec", "containers")), c => Text(c, "name") == "sentinel");

        var rabbit = Assert.Single(Resources, m => m.Kind == "RabbitmqCluster");
        Assert.Equal("rabbitmq.com/v1beta1", Text(rabbit.Root, "apiVersion"));
        Assert.Equal("3", Text(rabbit.Root, "spec", "replicas"));
        Assert.Contains(Resources, m => m.Kind == "Policy" && Text(m.Root, "spec", "applyTo") == "quorum_queues");
    }

    /// <summary>Null when the code reads the key; otherwise what is missing.</summary>
    private static string? CheckConfigurationKey(string project, string key, string? value)
    {
        var parts = key.Split("__");
        switch (parts)
        {
            case ["Authentication", "Jwt", var property]:
                var jwtOptions = ReadSource("src/ServiceDefaults/Security/JwtOptions.cs");
                return jwtOptions.Contains("\"Authentication:Jwt\"", StringComparison.Ordinal)
                    && Regex.IsMatch(jwtOptions, $@"public\s+string\??\s+{property}\s*\{{")
                    ? null : "no such property in JwtOptions (Authentication:Jwt)";
            case ["Messaging", "QuorumQueues"]:
                return SourceContains("src/ServiceDefaults", "\"Messaging:QuorumQueues\"") ? null : "not read in ServiceDefaults";
            case ["ConnectionStrings", var name]:
                return SourceContains(project, $"AddRedisClient(\"{name}\")") || SourceContains("src/ServiceDefaults", $"ConnectionName = \"{name}\"")
                    ? null : $"no connection string named {name} is read";
            case ["Kestrel", "Endpoints", var endpoint, "Url"]:
                using (var appsettings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, project, "appsettings.json"))))
                {
                    return appsettings.RootElement.TryGetProperty("Kestrel", out var kestrel)
                        && kestrel.GetProperty("Endpoints").TryGetProperty(endpoint, out _)
                        ? null : $"{project}/appsettings.json declares no Kestrel endpoint {endpoint}";
                }
            case ["services", var service, "grpc", "0"]:
                // Resolved by service discovery from "http://_grpc.<service>"; the value must be that Service's grpc port.
                if (!SourceContains(project, $"\"http://_grpc.{service}\""))
                {
                    return $"{project} never calls http://_grpc.{service}";
                }
                return value == $"http://{service}:8081" && Resources.Any(m => m.Kind == "Service" && m.Name == service
                    && Items(At(m.Root, "spec", "ports")).Any(p => Text(p, "name") == "grpc" && Text(p, "port") == "8081"))
                    ? null : $"{value} is not the grpc port of the Service {service}";
            case ["Gateway", "Protection", var property, ..]:
                var protection = ReadSource("src/Gateway/Protection/GatewayProtectionOptions.cs");
                return protection.Contains("\"Gateway:Protection\"", StringComparison.Ordinal)
                    && Regex.IsMatch(protection, $@"public\s+[\w\[\]]+\??\s+{property}\s*\{{")
                    ? null : "no such property in GatewayProtectionOptions";
            default:
                return "unknown configuration key: teach this test where the code reads it";
        }
    }

    /// <summary>Every setting a suite workload gets: its own env, and the ConfigMaps it takes with envFrom.</summary>
    private static IEnumerable<(string Workload, string Key, string? Value)> SuiteSettings()
    {
        foreach (var deployment in Resources.Where(m => m.Kind == "Deployment" && SuiteProjects.ContainsKey(m.Name)))
        {
            foreach (var container in Items(At(deployment.Root, "spec", "template", "spec", "containers")))
            {
                foreach (var variable in Items(At(container, "env")))
                {
                    yield return (deployment.Name, Text(variable, "name")!, Text(variable, "value"));
                }
                foreach (var source in Items(At(container, "envFrom")))
                {
                    var configMapName = Text(source, "configMapRef", "name");
                    var configMap = Assert.Single(Resources, m => m.Kind == "ConfigMap" && m.Name == configMapName);
                    foreach (var (key, value) in Pairs(At(configMap.Root, "data")))
                    {
                        yield return (deployment.Name, key, value);
                    }
                }
            }
        }
    }

    private static bool IsSensitive(string name) =>
        name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
        || name.Contains("password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("key", StringComparison.OrdinalIgnoreCase);

    private static void AssertPinned(string container, string? image)
    {
        Assert.False(string.IsNullOrWhiteSpace(image), $"{container}: image");
        var lastSegment = image![(image.LastIndexOf('/') + 1)..];
        var pinned = image.Contains('@', StringComparison.Ordinal) || lastSegment.Contains(':', StringComparison.Ordinal);
        Assert.True(pinned, $"{container}: {image} has no tag");
        Assert.False(image.EndsWith(":latest", StringComparison.Ordinal), $"{container}: {image} is tagged latest");
    }

    private static string ReadSource(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static bool SourceContains(string relativeDirectory, string text) =>
        Directory.EnumerateFiles(Path.Combine(Root, relativeDirectory), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Any(f => File.ReadAllText(f).Contains(text, StringComparison.Ordinal));

    private static IEnumerable<string> YamlFiles() =>
        Directory.EnumerateFiles(DeployDirectory, "*", SearchOption.AllDirectories)
            .Where(IsYaml)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);

    private static List<Manifest> LoadAll()
    {
        var manifests = new List<Manifest>();
        foreach (var file in YamlFiles())
        {
            var stream = new YamlStream();
            using (var reader = new StringReader(File.ReadAllText(Path.Combine(Root, file))))
            {
                stream.Load(reader);
            }
            Assert.NotEmpty(stream.Documents);
            for (var i = 0; i < stream.Documents.Count; i++)
            {
                var root = Assert.IsAssignableFrom<YamlMappingNode>(stream.Documents[i].RootNode);
                manifests.Add(new Manifest(file, i, root));
            }
        }
        return manifests;
    }

    private static YamlNode? At(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }
        return node;
    }

    private static string? Text(YamlNode? node, params string[] path) => Scalar(At(node, path));

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    private static IEnumerable<YamlNode> Items(YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children : [];

    private static Dictionary<string, string?> Pairs(YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children.ToDictionary(p => Scalar(p.Key) ?? "", p => Scalar(p.Value), StringComparer.Ordinal)
            : [];

    [GeneratedRegex("\"--appendfsync\",\\s*\"(?<policy>\\w+)\"")]
    private static partial Regex LocalFsyncPattern();

    /// <summary>One YAML document of one file under deploy/.</summary>
    private sealed record Manifest(string File, int Index, YamlMappingNode Root)
    {
        public string Kind => Text(Root, "kind") ?? "";

        public string Name => Text(Root, "metadata", "name") ?? "";

        public override string ToString() => $"{File}#{Index} {Kind}/{Name}";
    }
}

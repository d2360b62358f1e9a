using System.Globalization;
using Hl7.Fhir.Model;
using Ivig.Monitoring.Domain;
using static Ivig.Monitoring.Features.Fhir.FhirTerminology;
using DosingV1 = Ivig.Dosing.V1;
using EligibilityV1 = Ivig.Eligibility.V1;
using InfusionState = Ivig.Monitoring.Domain.InfusionState;

namespace Ivig.Monitoring.Features.Fhir;

/// <summary>
/// What one infusion's export is made of: the session (Monitoring), its regimen (Dosing) and, when the
/// regimen names one, the eligibility assessment with its audit entries (Eligibility).
/// </summary>
public sealed record InfusionExportSource(
    InfusionSession Session,
    IReadOnlyList<VitalsReading> Vitals,
    DosingV1.Regimen Regimen,
    EligibilityV1.Assessment? Assessment,
    IReadOnlyList<EligibilityV1.AuditEntry> AuditEntries);

/// <summary>
/// Builds the FHIR R4 Bundle (type collection) of one infusion from the Firely SDK's POCOs only; the
/// mapping is in docs/interop.md. Every reference between resources is the urn:uuid fullUrl of an entry
/// of the same bundle; people and services outside it are referenced by identifier only. The Patient
/// carries the opaque patient reference and nothing else: no name, birth date, gender or address.
/// </summary>
public static class InfusionBundleBuilder
{
    private const string AssessAction = "AssessEligibility";
    private const string OverrideAction = "RecordOverride";

    public static Bundle Build(InfusionExportSource source, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        var session = source.Session;
        var regimen = source.Regimen;
        var bundle = new Bundle
        {
            Id = FhirIds.Derive("Bundle", session.Id.ToString("D"), session.Version.ToString(CultureInfo.InvariantCulture)).ToString("D"),
            Type = Bundle.BundleType.Collection,
            Timestamp = exportedAt,
        };

        var patientId = FhirIds.Derive("Patient", session.PatientReference);
        var requestId = FhirIds.Derive("MedicationRequest", session.RegimenId);
        var administrationId = session.Id;

        Add(bundle, patientId, new Patient
        {
            Identifier = { IdentifierOf(PatientReferenceSystem, session.PatientReference) },
        });

        var issues = source.Assessment is { } assessment ? DetectedIssues(assessment, patientId, requestId) : [];
        var request = BuildMedicationRequest(session, regimen, patientId);
        request.DetectedIssue.AddRange(issues.Select(i => Reference(i.Id)));
        Add(bundle, requestId, request);
        Add(bundle, administrationId, BuildMedicationAdministration(session, regimen, patientId, requestId));

        foreach (var reading in source.Vitals)
        {
            foreach (var (key, observation) in VitalSigns(reading, patientId, administrationId))
            {
                Add(bundle, FhirIds.Derive("Observation", session.Id.ToString("D"), reading.Sequence.ToString(CultureInfo.InvariantCulture), key), observation);
            }
        }

        foreach (var reaction in session.Reactions)
        {
            Add(bundle, reaction.Id, BuildAdverseEvent(reaction, patientId, administrationId));
        }

        foreach (var (id, issue) in issues)
        {
            Add(bundle, id, issue);
        }

        if (source.Assessment is { } assessed)
        {
            foreach (var entry in AuditTrail(assessed, source.AuditEntries))
            {
                var id = Guid.TryParse(entry.EntryId, out var entryId)
                    ? entryId
                    : FhirIds.Derive("AuditEvent", assessed.AssessmentId, entry.Action, entry.At?.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture) ?? "");
                Add(bundle, id, BuildAuditEvent(entry, assessed.AssessmentId));
            }
        }

        return bundle;
    }

    /// <summary>FHIR MedicationAdministration.status for each infusion state.</summary>
    public static MedicationAdministration.MedicationAdministrationStatusCodes AdministrationStatus(InfusionState state) => state switch
    {
        InfusionState.Running => MedicationAdministration.MedicationAdministrationStatusCodes.InProgress,
        InfusionState.Paused => MedicationAdministration.MedicationAdministrationStatusCodes.OnHold,
        InfusionState.Stopped => MedicationAdministration.MedicationAdministrationStatusCodes.Stopped,
        InfusionState.Completed => MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
        _ => MedicationAdministration.MedicationAdministrationStatusCodes.Unknown,
    };

    private static void Add(Bundle bundle, Guid id, Resource resource)
    {
        resource.Id = id.ToString("D");
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = FhirIds.FullUrl(id), Resource = resource });
    }

    private static ResourceReference Reference(Guid id) => new(FhirIds.FullUrl(id));

    private static CodeableConcept Medication(DosingV1.Regimen regimen, string productId)
    {
        var name = string.IsNullOrWhiteSpace(regimen.Product?.Name) ? productId : regimen.Product.Name;
        return new CodeableConcept
        {
            Coding = { new Coding(ProductSystem, productId, name) },
            Text = name,
        };
    }

    private static MedicationRequest BuildMedicationRequest(InfusionSession session, DosingV1.Regimen regimen, Guid patientId)
    {
        var request = new MedicationRequest
        {
            Identifier = { IdentifierOf(RegimenSystem, session.RegimenId) },
            // The regimen is the whole course: it is completed by the last day's completed infusion.
            Status = session.State == InfusionState.Completed && session.DayNumber >= regimen.Days.Count
                ? Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus.Completed
                : Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus.Active,
            Intent = Hl7.Fhir.Model.MedicationRequest.MedicationRequestIntent.Order,
            Medication = Medication(regimen, session.ProductId),
            Subject = Reference(patientId),
        };
        if (regimen.PlannedAt is { } plannedAt)
        {
            request.AuthoredOnElement = new FhirDateTime(plannedAt.ToDateTimeOffset());
        }
        if (!string.IsNullOrWhiteSpace(regimen.PlannedBy?.Subject))
        {
            request.Requester = ByIdentifier(SubjectSystem, regimen.PlannedBy.Subject);
        }
        if (IndicationText(regimen.Indication) is { } indication)
        {
            request.ReasonCode.Add(new CodeableConcept { Text = indication });
        }

        var course = $"Dosing weight {Number((decimal)regimen.DosingWeightKg)} kg; {Number((decimal)regimen.DoseGPerKgPerDay)} g/kg per day over {regimen.Days.Count} day(s).";
        request.Note.Add(new Annotation { Text = string.IsNullOrWhiteSpace(regimen.Schedule) ? course : course + " " + regimen.Schedule });

        foreach (var step in regimen.Ladder)
        {
            request.DosageInstruction.Add(TitrationStepDosage(step));
        }

        return request;
    }

    private static Dosage TitrationStepDosage(DosingV1.TitrationStep step)
    {
        var start = (decimal)step.StartsAtMinute;
        var mgPerKgMin = (decimal)(step.Rate?.MgPerKgPerMin ?? 0);
        var mlPerHour = (decimal)(step.Rate?.MlPerHour ?? 0);
        var range = new Hl7.Fhir.Model.Range { Low = UcumQuantity(start, Minute) };
        string span;
        if (step.HasDurationMinutes)
        {
            range.High = UcumQuantity(start + (decimal)step.DurationMinutes, Minute);
            span = $"from minute {Number(start)} for {Number((decimal)step.DurationMinutes)} min";
        }
        else
        {
            span = $"from minute {Number(start)} to the end of the infusion";
        }

        var text = $"Step {step.Step}: {Number(mgPerKgMin)} mg/kg/min ({Number(mlPerHour)} mL/h) {span}"
            + (step.ClippedToAtRiskCap ? " (lowered to the at-risk cap, DOSE-CAP)" : "");
        return new Dosage
        {
            Sequence = step.Step,
            Text = text,
            Timing = new Timing { Repeat = new Timing.RepeatComponent { Bounds = range } },
            Route = IntravenousRoute(),
            DoseAndRate =
            {
                new Dosage.DoseAndRateComponent
                {
                    Type = new CodeableConcept(DoseRateType, "ordered", "Ordered", null),
                    Rate = UcumQuantity(mlPerHour, MlPerHour),
                },
            },
        };
    }

    private static MedicationAdministration BuildMedicationAdministration(InfusionSession session, DosingV1.Regimen regimen, Guid patientId, Guid requestId)
    {
        var period = new Period { StartElement = new FhirDateTime(session.StartedAt) };
        if (session.EndedAt is { } ended)
        {
            period.EndElement = new FhirDateTime(ended);
        }

        var administration = new MedicationAdministration
        {
            Identifier = { IdentifierOf(InfusionSystem, session.Id.ToString("D")) },
            Status = AdministrationStatus(session.State),
            Medication = Medication(regimen, session.ProductId),
            Subject = Reference(patientId),
            Effective = period,
            Request = Reference(requestId),
            Dosage = new MedicationAdministration.DosageComponent
            {
                Text = CurrentDosageText(session),
                Route = IntravenousRoute(),
                Rate = UcumQuantity(session.CurrentRateMlPerHour, MlPerHour),
            },
        };
        if (session.State == InfusionState.Stopped && !string.IsNullOrWhiteSpace(session.EndReason))
        {
            administration.StatusReason.Add(new CodeableConcept { Text = session.EndReason });
        }

        // The rate history, in order, as the suite's rate-change extension (machine-readable, with units).
        foreach (var change in session.RateHistory)
        {
            administration.Extension.Add(RateChangeExtensionOf(change));
        }

        return administration;
    }

    private static string CurrentDosageText(InfusionSession session)
    {
        var onLadder = session.IsActive && session.Ladder[session.CurrentStepIndex].RateMgPerKgMin == session.CurrentRateMgPerKgMin
            ? $", ladder step {session.CurrentStepIndex + 1} of {session.Ladder.Count}"
            : "";
        return $"Day {session.DayNumber}, {session.State.ToString().ToLowerInvariant()}: "
            + $"{Number(session.CurrentRateMgPerKgMin)} mg/kg/min ({Number(session.CurrentRateMlPerHour)} mL/h){onLadder}.";
    }

    private static Extension RateChangeExtensionOf(RateChange change)
    {
        var extension = new Extension { Url = RateChangeExtension };
        extension.Extension.Add(new Extension("at", new FhirDateTime(change.At)));
        extension.Extension.Add(new Extension("rate", UcumQuantity(change.RateMlPerHour, MlPerHour)));
        extension.Extension.Add(new Extension("rateMgPerKgPerMin", UcumQuantity(change.RateMgPerKgMin, MgPerKgPerMin)));
        extension.Extension.Add(new Extension("source", new Code(SourceCode(change.Source))));
        extension.Extension.Add(new Extension("reason", new FhirString(change.Reason)));
        if (!string.IsNullOrWhiteSpace(change.RuleId))
        {
            extension.Extension.Add(new Extension("ruleId", new Code(change.RuleId)));
        }
        return extension;
    }

    private static string SourceCode(RateChangeSource source) => source switch
    {
        RateChangeSource.Start => "start",
        RateChangeSource.Titration => "titration",
        RateChangeSource.ReactionOrder => "reaction-order",
        RateChangeSource.Pause => "pause",
        RateChangeSource.Resume => "resume",
        RateChangeSource.Stop => "stop",
        RateChangeSource.Complete => "complete",
        _ => "unknown",
    };

    /// <summary>One reading: the blood pressure panel, heart rate, respiratory rate, temperature, SpO2 and (when given) weight.</summary>
    private static IEnumerable<(string Key, Observation Observation)> VitalSigns(VitalsReading reading, Guid patientId, Guid administrationId)
    {
        var v = reading.Vitals;
        Observation Make(CodeableConcept code, DataType? value)
        {
            var observation = new Observation
            {
                Status = ObservationStatus.Final,
                Category = { VitalSignsCategory() },
                Code = code,
                Subject = Reference(patientId),
                Effective = new FhirDateTime(reading.RecordedAt),
                PartOf = { Reference(administrationId) },
                Value = value,
            };
            if (reading.IsBaseline)
            {
                observation.Note.Add(new Annotation { Text = "Baseline vitals, before the infusion started." });
            }
            return observation;
        }

        static CodeableConcept Loinc(string code, string display, string text) => new()
        {
            Coding = { LoincCoding(code, display) },
            Text = text,
        };

        var pressure = Make(Loinc(BloodPressurePanel, "Blood pressure panel with all children optional", "Blood pressure"), null);
        pressure.Component.Add(new Observation.ComponentComponent
        {
            Code = Loinc(Systolic, "Systolic blood pressure", "Systolic blood pressure"),
            Value = UcumQuantity(v.SystolicMmHg, MmHg, "mmHg"),
        });
        pressure.Component.Add(new Observation.ComponentComponent
        {
            Code = Loinc(Diastolic, "Diastolic blood pressure", "Diastolic blood pressure"),
            Value = UcumQuantity(v.DiastolicMmHg, MmHg, "mmHg"),
        });
        yield return ("blood-pressure", pressure);
        yield return ("heart-rate", Make(Loinc(HeartRate, "Heart rate", "Heart rate"), UcumQuantity(v.HeartRatePerMin, PerMinute, "beats/minute")));
        yield return ("respiratory-rate", Make(Loinc(RespiratoryRate, "Respiratory rate", "Respiratory rate"), UcumQuantity(v.RespiratoryRatePerMin, PerMinute, "breaths/minute")));
        yield return ("body-temperature", Make(Loinc(BodyTemperature, "Body temperature", "Body temperature"), UcumQuantity(v.TemperatureC, Celsius)));

        var saturation = new CodeableConcept
        {
            Coding =
            {
                LoincCoding(OxygenSaturationPulseOximetry, "Oxygen saturation in Arterial blood by Pulse oximetry"),
                LoincCoding(OxygenSaturation, "Oxygen saturation in Arterial blood"),
            },
            Text = "Oxygen saturation (SpO2)",
        };
        yield return ("oxygen-saturation", Make(saturation, UcumQuantity(v.SpO2Percent, Percent)));

        if (v.WeightKg is { } weight)
        {
            yield return ("body-weight", Make(Loinc(BodyWeight, "Body weight", "Body weight"), UcumQuantity(weight, Kilogram)));
        }
    }

    private static AdverseEvent BuildAdverseEvent(Reaction reaction, Guid patientId, Guid administrationId)
    {
        var (severity, severityDisplay) = reaction.Grade switch
        {
            ReactionGrade.Grade1 => ("mild", "Mild"),
            ReactionGrade.Grade2 => ("moderate", "Moderate"),
            _ => ("severe", "Severe"),
        };
        var text = $"{reaction.RuleId}: grade {(int)reaction.Grade} {KindText(reaction.Kind)}"
            + (reaction.Source == ReactionSource.Detected ? $", detected from vitals ({reaction.FindingRuleId})" : ", reported")
            + (reaction.Symptoms.Count > 0 ? ": " + string.Join("; ", reaction.Symptoms) : "");
        var reportedAt = new FhirDateTime(reaction.ReportedAt);
        return new AdverseEvent
        {
            Identifier = IdentifierOf(ReactionSystem, reaction.Id.ToString("D")),
            Actuality = Hl7.Fhir.Model.AdverseEvent.AdverseEventActuality.Actual,
            Event = Rule(reaction.RuleId, text),
            Subject = Reference(patientId),
            DateElement = reportedAt,
            DetectedElement = new FhirDateTime(reaction.ReportedAt),
            RecordedDateElement = new FhirDateTime(reaction.ReportedAt),
            Severity = new CodeableConcept(AdverseEventSeverity, severity, severityDisplay, null),
            Outcome = reaction.IsActive
                ? new CodeableConcept(AdverseEventOutcome, "ongoing", "Ongoing", null)
                : new CodeableConcept(AdverseEventOutcome, "resolved", "Resolved", null),
            SuspectEntity = { new AdverseEvent.SuspectEntityComponent { Instance = Reference(administrationId) } },
        };
    }

    private static string KindText(ReactionKind kind) => kind switch
    {
        ReactionKind.InfusionRelated => "infusion-related reaction",
        ReactionKind.Anaphylaxis => "anaphylaxis",
        ReactionKind.AsepticMeningitis => "aseptic meningitis",
        ReactionKind.Thrombosis => "thrombosis",
        ReactionKind.RenalDysfunction => "renal dysfunction",
        _ => "reaction",
    };

    /// <summary>
    /// One DetectedIssue per decision reason against IVIG (CONTRAINDICATED: high; NOT_RECOMMENDED,
    /// INSUFFICIENT_DATA, CONSIDER_ALTERNATIVE_FIRST: moderate) and per precaution (moderate when it lifts
    /// the decision to ELIGIBLE_WITH_PRECAUTIONS, low when advisory). Indication reasons (ELIGIBLE) are not issues.
    /// </summary>
    private static List<(Guid Id, DetectedIssue Issue)> DetectedIssues(EligibilityV1.Assessment assessment, Guid patientId, Guid requestId)
    {
        var precautionTexts = assessment.Precautions
            .GroupBy(p => p.RuleId)
            .ToDictionary(g => g.Key, g => g.First().Text);
        var found = new List<(string RuleId, DetectedIssue.DetectedIssueSeverity Severity, string Text, bool Decision)>();
        foreach (var reason in assessment.Reasons)
        {
            var isPrecaution = precautionTexts.ContainsKey(reason.RuleId);
            switch (reason.Outcome)
            {
                case EligibilityV1.Decision.Contraindicated:
                    found.Add((reason.RuleId, DetectedIssue.DetectedIssueSeverity.High, reason.Text, true));
                    break;
                case EligibilityV1.Decision.NotRecommended:
                case EligibilityV1.Decision.InsufficientData:
                case EligibilityV1.Decision.ConsiderAlternativeFirst:
                    found.Add((reason.RuleId, DetectedIssue.DetectedIssueSeverity.Moderate, reason.Text, true));
                    break;
                case EligibilityV1.Decision.EligibleWithPrecautions:
                    found.Add((reason.RuleId, DetectedIssue.DetectedIssueSeverity.Moderate, reason.Text, false));
                    break;
                case EligibilityV1.Decision.Eligible when isPrecaution:
                    found.Add((reason.RuleId, DetectedIssue.DetectedIssueSeverity.Low, reason.Text, false));
                    break;
            }
        }
        foreach (var (ruleId, text) in precautionTexts)
        {
            if (!found.Exists(f => f.RuleId == ruleId))
            {
                found.Add((ruleId, DetectedIssue.DetectedIssueSeverity.Low, text, false));
            }
        }

        var issues = new List<(Guid, DetectedIssue)>(found.Count);
        foreach (var (ruleId, severity, text, isDecision) in found.DistinctBy(f => f.RuleId))
        {
            var issue = new DetectedIssue
            {
                Status = ObservationStatus.Final,
                Code = Rule(ruleId),
                Severity = severity,
                Patient = Reference(patientId),
                Implicated = { Reference(requestId) },
                Detail = text,
            };
            if (assessment.AssessedAt is { } assessedAt)
            {
                issue.Identified = new FhirDateTime(assessedAt.ToDateTimeOffset());
            }
            if (isDecision && assessment.Override is { } overridden)
            {
                var mitigation = new DetectedIssue.MitigationComponent
                {
                    Action = new CodeableConcept { Text = "Prescriber override: " + overridden.Reason },
                    Author = string.IsNullOrWhiteSpace(overridden.By?.Subject) ? null : ByIdentifier(SubjectSystem, overridden.By.Subject),
                };
                if (overridden.RecordedAt is { } recordedAt)
                {
                    mitigation.DateElement = new FhirDateTime(recordedAt.ToDateTimeOffset());
                }
                issue.Mitigation.Add(mitigation);
            }
            issues.Add((FhirIds.Derive("DetectedIssue", assessment.AssessmentId, ruleId), issue));
        }
        return issues;
    }

    /// <summary>
    /// The assessment's audit entries, oldest first. The decision and an override are always present: an
    /// entry the trail did not return is rebuilt from the assessment itself (assessed_at/by, override).
    /// </summary>
    private static List<EligibilityV1.AuditEntry> AuditTrail(EligibilityV1.Assessment assessment, IReadOnlyList<EligibilityV1.AuditEntry> entries)
    {
        var trail = entries.Where(e => e.AssessmentId == assessment.AssessmentId).ToList();
        var ruleIds = assessment.Reasons.Select(r => r.RuleId).ToList();
        if (!trail.Exists(e => e.Action == AssessAction))
        {
            trail.Add(new EligibilityV1.AuditEntry
            {
                At = assessment.AssessedAt,
                Actor = assessment.AssessedBy,
                Action = AssessAction,
                AssessmentId = assessment.AssessmentId,
                FactsHash = assessment.FactsHash,
                Decision = assessment.Decision,
                RuleIds = { ruleIds },
                Detail = $"Assessed with catalogue {assessment.CatalogueVersion}.",
            });
        }
        if (assessment.Override is { } overridden && !trail.Exists(e => e.Action == OverrideAction))
        {
            trail.Add(new EligibilityV1.AuditEntry
            {
                At = overridden.RecordedAt,
                Actor = overridden.By,
                Action = OverrideAction,
                AssessmentId = assessment.AssessmentId,
                FactsHash = assessment.FactsHash,
                Decision = assessment.Decision,
                RuleIds = { ruleIds },
                Detail = $"Overrode {DecisionName(assessment.Decision)}: {overridden.Reason}",
            });
        }
        return trail.OrderBy(e => e.At?.ToDateTimeOffset() ?? DateTimeOffset.MinValue).ToList();
    }

    private static AuditEvent BuildAuditEvent(EligibilityV1.AuditEntry entry, string assessmentId)
    {
        var isOverride = entry.Action == OverrideAction;
        var agent = new AuditEvent.AgentComponent { Requestor = true };
        if (!string.IsNullOrWhiteSpace(entry.Actor?.Subject))
        {
            agent.Who = ByIdentifier(SubjectSystem, entry.Actor.Subject);
        }
        foreach (var role in (entry.Actor?.Role ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            agent.Role.Add(new CodeableConcept { Text = role });
        }

        var entity = new AuditEvent.EntityComponent
        {
            What = ByIdentifier(AssessmentSystem, assessmentId, "Eligibility assessment"),
            Type = new Coding(AuditEntityType, "2", "System Object"),
            Detail = { new AuditEvent.DetailComponent { Type = "decision", Value = new FhirString(DecisionName(entry.Decision)) } },
        };
        if (!string.IsNullOrWhiteSpace(entry.FactsHash))
        {
            entity.Detail.Add(new AuditEvent.DetailComponent { Type = "facts-hash", Value = new FhirString(entry.FactsHash) });
        }

        var outcome = $"Decision {DecisionName(entry.Decision)}"
            + (entry.RuleIds.Count > 0 ? $"; rules {string.Join(", ", entry.RuleIds)}" : "")
            + (string.IsNullOrWhiteSpace(entry.Detail) ? "." : ". " + entry.Detail);
        var audit = new AuditEvent
        {
            Type = new Coding(AuditActionSystem, entry.Action, isOverride ? "Eligibility override" : "Eligibility assessment"),
            Action = isOverride ? Hl7.Fhir.Model.AuditEvent.AuditEventAction.U : Hl7.Fhir.Model.AuditEvent.AuditEventAction.C,
            Recorded = entry.At?.ToDateTimeOffset(),
            Outcome = Hl7.Fhir.Model.AuditEvent.AuditEventOutcome.N0,
            OutcomeDesc = outcome,
            Agent = { agent },
            Source = new AuditEvent.SourceComponent
            {
                Site = "IVIG suite",
                Observer = ByIdentifier(ServiceSystem, "eligibility", "IVIG suite Eligibility service"),
                Type = { new Coding(AuditSourceType, "4", "Application Server") },
            },
            Entity = { entity },
        };
        if (!string.IsNullOrWhiteSpace(entry.EntryId))
        {
            audit.Entity.Add(new AuditEvent.EntityComponent
            {
                What = ByIdentifier(AuditEntrySystem, entry.EntryId, "Eligibility audit entry"),
                Type = new Coding(AuditEntityType, "2", "System Object"),
            });
        }
        return audit;
    }

    public static string DecisionName(EligibilityV1.Decision decision) => decision switch
    {
        EligibilityV1.Decision.Eligible => "ELIGIBLE",
        EligibilityV1.Decision.EligibleWithPrecautions => "ELIGIBLE_WITH_PRECAUTIONS",
        EligibilityV1.Decision.ConsiderAlternativeFirst => "CONSIDER_ALTERNATIVE_FIRST",
        EligibilityV1.Decision.InsufficientData => "INSUFFICIENT_DATA",
        EligibilityV1.Decision.NotRecommended => "NOT_RECOMMENDED",
        EligibilityV1.Decision.Contraindicated => "CONTRAINDICATED",
        _ => "UNSPECIFIED",
    };

    private static string? IndicationText(DosingV1.Indication indication) => indication switch
    {
        DosingV1.Indication.AcuteRelapse => "Multiple sclerosis: acute relapse",
        DosingV1.Indication.RelapsePrevention => "Multiple sclerosis: relapse prevention",
        DosingV1.Indication.Postpartum => "Multiple sclerosis: postpartum relapse prevention",
        _ => null,
    };

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

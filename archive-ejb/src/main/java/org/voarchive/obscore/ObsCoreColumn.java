package org.voarchive.obscore;

import java.util.List;
import java.util.Optional;
import org.voarchive.adql.check.ValueType;

/**
 * A column of the ObsCore 1.1 table (ObsCore 1.1 section 4, table 5, and the ObsTAP column
 * metadata of appendix B): what the archive publishes for it in TAP_SCHEMA and VOSI, whatever
 * the mapped tables are. Utypes carry the {@code obscore:} prefix the standard gives them.
 *
 * @param sqlType  the PostgreSQL type of the view's column: every mapped value is cast to it
 * @param required the standard forbids NULL here: every mapping must give a value
 */
public record ObsCoreColumn(String name, String sqlType, ValueType type, String unit, String ucd, String utype,
                            String description, boolean principal, boolean required) {

    private static final ValueType TEXT = ValueType.TEXT;

    /** The mandatory columns of ObsCore 1.1, in the standard's order. */
    public static final List<ObsCoreColumn> ALL = List.of(
        text("dataproduct_type", "meta.code.class", "ObsDataset.dataProductType",
            "Data product (file content) primary type", true, true),
        new ObsCoreColumn("calib_level", "integer", ValueType.INT, null, "meta.code;obs.calib",
            "obscore:ObsDataset.calibLevel", "Calibration level of the observation: in {0, 1, 2, 3, 4}", true, true),
        text("obs_collection", "meta.id", "DataID.Collection", "Name of the data collection", true, true),
        text("obs_id", "meta.id", "DataID.observationID", "Internal ID given by the ObsTAP service", true, true),
        text("obs_publisher_did", "meta.ref.ivoid", "Curation.PublisherDID",
            "ID for the Dataset given by the publisher", true, true),
        text("access_url", "meta.ref.url", "Access.Reference", "URL used to access (download) dataset", true, false),
        text("access_format", "meta.code.mime", "Access.Format", "File content format (MIME type)", true, false),
        new ObsCoreColumn("access_estsize", "bigint", ValueType.LONG, "kbyte", "phys.size;meta.file",
            "obscore:Access.Size", "Estimated size of dataset in kilobytes", false, false),
        text("target_name", "meta.id;src", "Target.Name", "Astronomical object observed, if any", true, false),
        real("s_ra", "deg", "pos.eq.ra", "Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C1",
            "Central right ascension, ICRS", true),
        real("s_dec", "deg", "pos.eq.dec", "Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C2",
            "Central declination, ICRS", true),
        real("s_fov", "deg", "phys.angSize;instr.fov", "Char.SpatialAxis.Coverage.Bounds.Extent.diameter",
            "Diameter (bounds) of the covered region", true),
        // adql:REGION (TAP 1.1 section 4.3): a string in the metadata (as taplint's OBS stage requires), STC-S in
        // results, a pg_sphere polygon in the database that ADQL's geometry functions take
        new ObsCoreColumn("s_region", "spoly", ValueType.REGION, null, "pos.outline;obs.field",
            "obscore:Char.SpatialAxis.Coverage.Support.Area", "Sky region covered by the data product (expressed in ICRS"
                + " frame)", false, false),
        real("s_resolution", "arcsec", "pos.angResolution", "Char.SpatialAxis.Resolution.Refval.value",
            "Spatial resolution of data as FWHM", false),
        count("s_xel1", "Char.SpatialAxis.numBins1", "Number of elements along the first spatial axis"),
        count("s_xel2", "Char.SpatialAxis.numBins2", "Number of elements along the second spatial axis"),
        count("t_xel", "Char.TimeAxis.numBins", "Number of elements along the time axis"),
        real("t_min", "d", "time.start;obs.exposure", "Char.TimeAxis.Coverage.Bounds.Limits.StartTime",
            "Start time in MJD", true),
        real("t_max", "d", "time.end;obs.exposure", "Char.TimeAxis.Coverage.Bounds.Limits.StopTime",
            "Stop time in MJD", true),
        real("t_exptime", "s", "time.duration;obs.exposure", "Char.TimeAxis.Coverage.Support.Extent",
            "Total exposure time", false),
        real("t_resolution", "s", "time.resolution", "Char.TimeAxis.Resolution.Refval.value",
            "Temporal resolution FWHM", false),
        count("em_xel", "Char.SpectralAxis.numBins", "Number of elements along the spectral axis"),
        real("em_min", "m", "em.wl;stat.min", "Char.SpectralAxis.Coverage.Bounds.Limits.LoLimit",
            "Start in spectral coordinates (vacuum wavelength)", false),
        real("em_max", "m", "em.wl;stat.max", "Char.SpectralAxis.Coverage.Bounds.Limits.HiLimit",
            "Stop in spectral coordinates (vacuum wavelength)", false),
        real("em_res_power", null, "spect.resolution", "Char.SpectralAxis.Resolution.ResolPower.refVal",
            "Value of the resolving power along the spectral axis (R)", false),
        text("o_ucd", "meta.ucd", "Char.ObservableAxis.ucd", "Nature of the observable axis (a UCD)", false, false),
        text("pol_states", "meta.code;phys.polarization", "Char.PolarizationAxis.stateList",
            "List of polarization states present in the data file", false, false),
        count("pol_xel", "Char.PolarizationAxis.numBins", "Number of elements along the polarization axis"),
        text("facility_name", "meta.id;instr.tel", "Provenance.ObsConfig.facility.name",
            "Name of the facility used for this observation", false, false),
        text("instrument_name", "meta.id;instr", "Provenance.ObsConfig.instrument.name",
            "Name of the instrument used for this observation", false, false));

    public static Optional<ObsCoreColumn> named(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public boolean isText() {
        return "text".equals(sqlType);
    }

    public boolean isNumeric() {
        return type.isNumeric();
    }

    private static ObsCoreColumn text(String name, String ucd, String utype, String description, boolean principal,
                                      boolean required) {
        return new ObsCoreColumn(name, "text", TEXT, null, ucd, "obscore:" + utype, description, principal, required);
    }

    private static ObsCoreColumn real(String name, String unit, String ucd, String utype, String description,
                                      boolean principal) {
        return new ObsCoreColumn(name, "double precision", ValueType.DOUBLE, unit, ucd, "obscore:" + utype, description,
            principal, false);
    }

    private static ObsCoreColumn count(String name, String utype, String description) {
        return new ObsCoreColumn(name, "bigint", ValueType.LONG, null, "meta.number", "obscore:" + utype, description,
            false, false);
    }
}

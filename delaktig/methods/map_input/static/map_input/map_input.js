/* Map dialogues: the map of input (clustered), and marking a point, line or area when giving input.
 *
 * Everything here enhances a page that works without it: the list of input and the list of addresses, places and
 * districts are always there. The script reads its settings from data attributes of #map (no inline script).
 * Without a tile source the districts' shapes, from the server, are the map's base.
 */
(function () {
  "use strict";

  var CELL = 56; // pixels: points closer than this at the current zoom are shown as one cluster

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  function detailUrl(pattern, id) {
    return pattern.replace(/0\/$/, id + "/");
  }

  function symbol(category) {
    var span = document.createElement("span");
    var colour = category ? category.colour.slice(1) : "none";
    var shape = category ? category.symbol : "circle";
    span.className = "map-symbol map-symbol--" + shape + " map-colour-" + colour;
    return span;
  }

  function markerIcon(category) {
    var holder = document.createElement("span");
    holder.appendChild(symbol(category));
    return L.divIcon({ html: holder, className: "map-input-marker", iconSize: [18, 18] });
  }

  function clusterIcon(count) {
    var size = count < 10 ? 34 : count < 100 ? 42 : 50;
    var holder = document.createElement("span");
    holder.className = "map-input-cluster";
    holder.textContent = String(count);
    return L.divIcon({ html: holder, className: "map-input-marker", iconSize: [size, size] });
  }

  function popup(el, feature, categories) {
    var box = document.createElement("div");
    var category = categories[feature.properties.category];
    var title = document.createElement("p");
    title.appendChild(symbol(category));
    title.appendChild(document.createTextNode(category ? category.name : ""));
    var link = document.createElement("a");
    link.href = detailUrl(el.dataset.detail, feature.id);
    link.textContent = el.dataset.labelOpen;
    box.appendChild(title);
    box.appendChild(link);
    return box;
  }

  function shapeStyle(category) {
    var colour = category ? category.colour : "#1d4ed8";
    return { color: colour, weight: 4, fillColor: colour, fillOpacity: 0.25 };
  }

  function InputLayer(map, el, categories) {
    this.map = map;
    this.el = el;
    this.categories = categories;
    this.layer = L.layerGroup().addTo(map);
    this.features = [];
    this.request = 0;
  }

  InputLayer.prototype.load = function (then) {
    var self = this;
    var bounds = this.map.getBounds().pad(0.2);
    var bbox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
      .map(function (n) { return Math.max(-180, Math.min(180, n)).toFixed(5); })
      .join(",");
    var number = ++this.request;
    fetch(this.el.dataset.features + "?bbox=" + bbox, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (number !== self.request) return;
        self.features = data.features || [];
        self.truncated = !!data.truncated;
        self.draw();
        if (then) then();
      })
      .catch(function () {});
  };

  InputLayer.prototype.draw = function () {
    var self = this;
    var map = this.map;
    this.layer.clearLayers();
    var cells = {};
    this.features.forEach(function (feature) {
      var category = self.categories[feature.properties.category];
      if (feature.geometry.type !== "Point") {
        L.geoJSON(feature, { style: shapeStyle(category) })
          .bindPopup(popup(self.el, feature, self.categories))
          .addTo(self.layer);
        return;
      }
      var at = L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0]);
      var pixel = map.latLngToLayerPoint(at);
      var key = Math.floor(pixel.x / CELL) + ":" + Math.floor(pixel.y / CELL);
      (cells[key] = cells[key] || []).push({ feature: feature, at: at });
    });
    Object.keys(cells).forEach(function (key) {
      var group = cells[key];
      if (group.length === 1) {
        var one = group[0];
        var category = self.categories[one.feature.properties.category];
        L.marker(one.at, {
          icon: markerIcon(category),
          keyboard: true,
          title: (category ? category.name + ": " : "") + self.el.dataset.labelOpen,
        })
          .bindPopup(popup(self.el, one.feature, self.categories))
          .addTo(self.layer);
        return;
      }
      var bounds = L.latLngBounds(group.map(function (item) { return item.at; }));
      L.marker(bounds.getCenter(), {
        icon: clusterIcon(group.length),
        keyboard: true,
        title: group.length + " " + self.el.dataset.labelCluster,
      })
        .on("click", function () {
          if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(bounds.getCenter(), map.getZoom() + 2);
          else map.fitBounds(bounds.pad(0.3));
        })
        .addTo(self.layer);
    });
  };

  InputLayer.prototype.focus = function (id) {
    var found = this.features.filter(function (feature) { return String(feature.id) === String(id); })[0];
    if (!found) return;
    var bounds = L.geoJSON(found).getBounds();
    this.map.fitBounds(bounds.pad(0.5), { maxZoom: 15 });
  };

  function Drawing(map, el) {
    this.map = map;
    this.box = el.closest(".map-input-draw");
    this.field = document.getElementById("id_geometry");
    this.location = document.getElementById("id_location");
    this.status = this.box.querySelector("[data-draw-status]");
    this.mode = null;
    this.points = [];
    this.layer = L.layerGroup().addTo(map);
    var self = this;
    this.box.querySelectorAll("[data-draw]").forEach(function (button) {
      button.addEventListener("click", function () { self.choose(button); });
    });
    map.on("click", function (event) { self.add(event.latlng); });
    if (this.location) {
      this.location.addEventListener("change", function () {
        if (self.location.value) self.clear();
      });
    }
    this.restore();
  }

  Drawing.prototype.choose = function (button) {
    var mode = button.dataset.draw;
    if (mode === "clear") {
      this.clear();
      return;
    }
    this.mode = mode;
    this.points = [];
    this.box.querySelectorAll("[data-draw]").forEach(function (other) {
      if (other.dataset.draw !== "clear") other.setAttribute("aria-pressed", String(other === button));
    });
    this.render();
  };

  Drawing.prototype.add = function (latlng) {
    if (!this.mode) return;
    var point = [Number(latlng.lng.toFixed(6)), Number(latlng.lat.toFixed(6))];
    if (this.mode === "Point") this.points = [point];
    else this.points.push(point);
    if (this.location) this.location.value = "";
    this.render();
  };

  Drawing.prototype.geometry = function () {
    var points = this.points;
    if (this.mode === "Point" && points.length === 1) return { type: "Point", coordinates: points[0] };
    if (this.mode === "LineString" && points.length >= 2) return { type: "LineString", coordinates: points };
    if (this.mode === "Polygon" && points.length >= 3) {
      return { type: "Polygon", coordinates: [points.concat([points[0]])] };
    }
    return null;
  };

  Drawing.prototype.render = function () {
    this.layer.clearLayers();
    var geometry = this.geometry();
    var latlngs = this.points.map(function (p) { return L.latLng(p[1], p[0]); });
    latlngs.forEach(function (at) { L.circleMarker(at, { radius: 5, color: "#0b0c0c" }).addTo(this.layer); }, this);
    if (geometry) L.geoJSON(geometry, { style: shapeStyle(null) }).addTo(this.layer);
    this.field.value = geometry ? JSON.stringify(geometry) : "";
    var needed = { Point: 1, LineString: 2, Polygon: 3 }[this.mode] || 0;
    this.status.textContent = this.mode
      ? this.points.length + " / " + needed + (geometry ? " ✓" : "")
      : "";
  };

  Drawing.prototype.clear = function () {
    this.points = [];
    this.layer.clearLayers();
    this.field.value = "";
    this.status.textContent = "";
  };

  Drawing.prototype.restore = function () {
    var text = (this.field.value || "").trim();
    if (!text) return;
    try {
      var geometry = JSON.parse(text);
      var layer = L.geoJSON(geometry, { style: shapeStyle(null) }).addTo(this.layer);
      this.map.fitBounds(layer.getBounds().pad(0.5), { maxZoom: 15 });
    } catch (error) {
      /* the server says what is wrong with the text */
    }
  };

  ready(function () {
    var el = document.getElementById("map");
    if (!el || !window.L) return;
    el.hidden = false;
    var box = el.closest(".map-input-draw");
    if (box) box.hidden = false;
    var categories = JSON.parse(el.dataset.categories || "{}");
    var map = L.map(el, { keyboard: true, zoomSnap: 0.5 });
    map.setView([62.0, 15.0], 5);
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution, maxZoom: 19 }).addTo(map);
    }
    var inputs = el.dataset.drawing ? null : new InputLayer(map, el, categories);
    var drawing = el.dataset.drawing ? new Drawing(map, el) : null;
    fetch(el.dataset.districts, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var base = L.geoJSON(data, {
          style: { color: "#374151", weight: 2, fillColor: "#e5e7eb", fillOpacity: el.dataset.tiles ? 0.05 : 0.7 },
          interactive: !!drawing,
          onEachFeature: function (feature, layer) {
            layer.bindTooltip(feature.properties.name, {
              permanent: !el.dataset.tiles,
              direction: "center",
              className: "map-input-district-label",
            });
            if (drawing) layer.on("click", function (event) { drawing.add(event.latlng); });
          },
        }).addTo(map);
        base.bringToBack();
        if (base.getLayers().length && !(drawing && drawing.field.value)) map.fitBounds(base.getBounds());
        if (inputs) {
          inputs.load(function () { if (el.dataset.focus) inputs.focus(el.dataset.focus); });
          map.on("moveend", function () { inputs.load(); });
        }
      })
      .catch(function () {});
  });
})();

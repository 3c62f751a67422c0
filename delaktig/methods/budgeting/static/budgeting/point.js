/* Participatory budgeting: marking where a proposed project is on a map of the municipality's districts.
 *
 * The form works without this: the list of districts is always there. With it, a click on the map fills the two
 * hidden fields (longitude, latitude) and the server finds the district the point lies in.
 */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var holder = document.getElementById("point-map");
    var longitude = document.getElementById("id_longitude");
    var latitude = document.getElementById("id_latitude");
    if (!holder || !longitude || !latitude || typeof L === "undefined") return;
    holder.hidden = false;
    var map = L.map(holder, { keyboard: true });
    var marker = null;

    function place(latlng) {
      if (marker) marker.setLatLng(latlng);
      else marker = L.marker(latlng).addTo(map);
      longitude.value = latlng.lng.toFixed(6);
      latitude.value = latlng.lat.toFixed(6);
    }

    fetch(holder.getAttribute("data-districts"))
      .then(function (response) {
        return response.json();
      })
      .then(function (data) {
        var layer = L.geoJSON(data, { style: { color: "#1d4ed8", weight: 2, fillOpacity: 0.1 } }).addTo(map);
        if (layer.getLayers().length) map.fitBounds(layer.getBounds());
        if (longitude.value && latitude.value) place(L.latLng(parseFloat(latitude.value), parseFloat(longitude.value)));
      });
    map.on("click", function (event) {
      place(event.latlng);
    });
  });
})();
